import { createHash, randomBytes } from "node:crypto";

// An invitation link carries 256 random bits; the database keeps only their
// SHA-256, so a leaked database (or backup) holds no usable link. A fast hash
// is enough: the token is random, not a password anyone could guess.

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}
