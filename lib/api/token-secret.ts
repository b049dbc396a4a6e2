import { createHash, randomBytes } from "node:crypto";

// An API token: "cfp_" and 32 random bytes in base64url (256 bits). Only its
// SHA-256 is stored, so a leaked database gives no usable token; a plain
// hash suffices because the token is random, not a password.
export const TOKEN_PREFIX = "cfp_";

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the token list shows to tell tokens apart: the prefix and four more characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 4);
}
