import { createHmac, timingSafeEqual } from "node:crypto";
import { systemClock } from "@/lib/clock";
import { signingSecret } from "@/lib/config";

// A speaker's link to confirm or decline an accepted proposal, usable
// without signing in: it names the proposal and the speaker, expires, and is
// signed with the server's secret. The state machine makes it single-use in
// effect (only ACCEPTED can be confirmed or declined).

export type ResponseClaim = { proposalId: string; userId: string; expiresAt: Date };

const b64 = (b: Buffer | string) => Buffer.from(b).toString("base64url");

function sign(payload: string): string {
  return createHmac("sha256", signingSecret()).update(`respond:${payload}`).digest("base64url");
}

export function makeResponseToken(claim: ResponseClaim): string {
  const payload = b64(JSON.stringify({ p: claim.proposalId, u: claim.userId, e: Math.floor(claim.expiresAt.getTime() / 1000) }));
  return `${payload}.${sign(payload)}`;
}

export type TokenCheck = { ok: true; claim: ResponseClaim } | { ok: false; reason: "malformed" | "forged" | "expired" };

export function readResponseToken(token: string, now = systemClock.now()): TokenCheck {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" };
  let data: { p?: unknown; u?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof data.p !== "string" || typeof data.u !== "string" || typeof data.e !== "number") return { ok: false, reason: "malformed" };
  const expiresAt = new Date(data.e * 1000);
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, claim: { proposalId: data.p, userId: data.u, expiresAt } };
}
