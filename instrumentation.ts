// Next.js calls register() once when a server process starts (never during
// `next build`): a production server with an unsafe configuration refuses to
// start instead of serving, and email and webhook delivery each get their one
// owner, a background loop per process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkStartupConfig } = await import("@/lib/config");
  try {
    checkStartupConfig();
  } catch (e) {
    console.error(`\n[config] ${(e as Error).message}\n`);
    process.exit(1);
  }
  const { startEmailDelivery } = await import("@/lib/email/delivery-owner");
  startEmailDelivery();
  const { startWebhookDelivery } = await import("@/lib/webhook-endpoints/loop-owner");
  startWebhookDelivery();
}
