// Runtime settings read from the environment, in one place.

const DEV_URL = "http://localhost:3000";

function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/**
 * The public address of the app, for every link we email (sign-in links
 * too). Only `AUTH_URL`: next-auth reads the same variable, so the two never
 * disagree. In production it must be set (see checkStartupConfig); elsewhere
 * it defaults to the local development server.
 */
export function appUrl(): string {
  const url = process.env.AUTH_URL;
  if (url) return url.replace(/\/$/, "");
  if (isProduction()) throw new Error(MISSING_AUTH_URL);
  return DEV_URL;
}

/**
 * Whether next-auth may build URLs from the request's Host / X-Forwarded-Host.
 * With AUTH_URL set it never does (the request URL is rewritten to AUTH_URL);
 * without it, only when AUTH_TRUST_HOST says so, or outside production.
 */
export function authTrustHost(): boolean {
  if (process.env.AUTH_URL) return true;
  const flag = process.env.AUTH_TRUST_HOST;
  if (flag !== undefined && flag !== "") return flag === "1" || flag.toLowerCase() === "true";
  return !isProduction();
}

const MISSING_AUTH_URL =
  "AUTH_URL is not set. In production it must be the app's public address (e.g. https://cfp.example.org): " +
  "sign-in links and every other emailed link are built from it, never from the request's Host header.";

/** Settings the production server refuses to start without (called from instrumentation.ts). */
export function checkStartupConfig(): void {
  if (!isProduction()) return;
  const url = process.env.AUTH_URL;
  if (!url) throw new Error(MISSING_AUTH_URL);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`AUTH_URL is not a valid URL: ${JSON.stringify(url)}.`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error("AUTH_URL must start with https:// (or http:// for a local server).");
  if (!process.env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set: sessions and sign-in links cannot be signed.");
}

/** Demo mode: demo sign-in buttons and the mailbox page. Never set it in production. */
export function isDemoMode(): boolean {
  return process.env.DEMO_MODE === "1";
}

/** The mailbox page exists only in development and demo mode. */
export function isMailboxEnabled(): boolean {
  return isDemoMode() || process.env.NODE_ENV === "development";
}

/** GitHub sign-in is offered when both of its variables are set. */
export function isGitHubEnabled(): boolean {
  return Boolean(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET);
}

export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL || undefined;
}

/** Whether this server sends email at all; without it messages wait in the outbox. */
export function isEmailDeliveryConfigured(): boolean {
  return smtpUrl() !== undefined;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || "CFP <cfp@localhost>";
}

/** The key for signed links (confirmation links); the same secret next-auth uses. */
export function signingSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: signed links cannot be made or checked.");
  return secret;
}

// ---- Who may create events (ADR 0012; parsed in lib/events/creators.ts) ----

/** EVENT_CREATORS: "anyone" (also when unset or empty), "nobody", or addresses and domains, comma-separated. */
export function eventCreatorsSetting(): string | undefined {
  return process.env.EVENT_CREATORS;
}
