import { email } from "@/lib/text/fields";

/**
 * One spelling per address, by the same rule as every form's email field
 * (NFKC, so fullwidth letters fold to ASCII; trimmed; lowercased; then the
 * same validation). Accounts are keyed on it. next-auth's email provider
 * uses it too, so the raw /api/auth/signin/email route accepts no address
 * the sign-in form would refuse (a comma, `<>`, a right-to-left override).
 */
export function normalizeEmail(raw: string): string {
  const parsed = email.safeParse(raw);
  if (!parsed.success) throw new Error("Invalid email address");
  return parsed.data;
}
