// Runs once when a server starts (never during `next build`): a production
// server with an unsafe configuration refuses to start instead of serving.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartupConfig } = await import("@/lib/config");
  try {
    checkStartupConfig();
  } catch (e) {
    console.error(`\n[config] ${(e as Error).message}\n`);
    process.exit(1);
  }
}
