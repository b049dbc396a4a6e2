import { normalizeEmail } from "@/lib/auth/email-address";
import { DomainError } from "@/lib/errors";

/** A refusal about the typed address: shown next to the email field. */
export function emailRefused(code: "conflict" | "invalid", message: string): DomainError {
  return new DomainError(code, message, { email: message });
}

export function normalizedEmailOrInvalid(raw: string): string {
  try {
    return normalizeEmail(raw);
  } catch {
    throw emailRefused("invalid", "Enter a valid email address.");
  }
}

export const STALE_INVITATION = "This invitation changed since you loaded the page. Reload and try again.";

export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "P2002";
}
