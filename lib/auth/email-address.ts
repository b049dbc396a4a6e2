import { email, MAX_RAW_EMAIL_LENGTH } from "@/lib/text/fields";

/**
 * One spelling per address, by the same rule as every form's email field
 * (NFKC, so fullwidth letters fold to ASCII; trimmed; lowercased; then the
 * same validation). Accounts are keyed on it. next-auth's email provider
 * uses it too, so the raw /api/auth/signin/email route accepts no address
 * the sign-in form would refuse (a comma, `<>`, a right-to-left override).
 * The length is checked first: nothing long is ever normalized.
 */
export function normalizeEmail(raw: string): string {
  if (typeof raw !== "string" || raw.length > MAX_RAW_EMAIL_LENGTH) throw new Error("Invalid email address");
  const parsed = email.safeParse(raw);
  if (!parsed.success) throw new Error("Invalid email address");
  return parsed.data;
}

/** normalizeEmail, or null for something that is not an address (e.g. from an OAuth profile). */
export function normalizedOrNull(raw: string | null | undefined): string | null {
  try {
    return raw ? normalizeEmail(raw) : null;
  } catch {
    return null;
  }
}

// Providers known to deliver every dotted spelling of a local part to one inbox.
const DOTS_IGNORED = new Set(["gmail.com", "googlemail.com"]);
const SAME_MAILBOX_DOMAIN: Record<string, string> = { "googlemail.com": "gmail.com" };

/**
 * The inbox an address reaches, for counting mail to it (never for accounts
 * or for sending: the address stays as typed). `inbox+1@`, `inbox+2@` are one
 * inbox almost everywhere; at Gmail, so are `in.box@` and `inbox@googlemail.com`.
 * Expects a normalized address (lower-case).
 */
export function canonicalMailbox(normalized: string): string {
  const at = normalized.lastIndexOf("@");
  if (at < 0) return normalized;
  let local = normalized.slice(0, at).toLowerCase();
  let domain = normalized.slice(at + 1).toLowerCase();
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (DOTS_IGNORED.has(domain)) local = local.replaceAll(".", "");
  domain = SAME_MAILBOX_DOMAIN[domain] ?? domain;
  return `${local}@${domain}`;
}
