// Next.js calls register() once when a server process starts (never during
// `next build`). Email delivery has one owner: a background loop per process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startEmailDelivery } = await import("@/lib/email/delivery-owner");
  startEmailDelivery();
}
