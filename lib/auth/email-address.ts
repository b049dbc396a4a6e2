import { cleanText } from "@/lib/text/fields";

/** One spelling per address: NFC, trimmed, lowercased. Accounts are keyed on it. */
export function normalizeEmail(raw: string): string {
  const email = cleanText(raw).trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw new Error("Invalid email address");
  return email;
}
