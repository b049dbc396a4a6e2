// Runtime settings read from the environment, in one place.

export function appUrl(): string {
  return (process.env.AUTH_URL || process.env.APP_URL || "http://localhost:3000").replace(/\/$/, "");
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
