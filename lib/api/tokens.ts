import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { text } from "@/lib/text/fields";
import { API_SCOPES, parseScopes, storeScopes } from "./scopes";
import { displayPrefix, hashToken, newTokenSecret } from "./token-secret";

const DAY = 86_400_000;
export const EXPIRY_CHOICES = ["7", "30", "90", "365", "never"] as const;

export const createTokenInput = z.object({
  name: text("Name", 80, { required: true }),
  scopes: z.array(z.enum(API_SCOPES), { error: "Choose at least one scope." }).min(1, "Choose at least one scope."),
  expiresIn: z.enum(EXPIRY_CHOICES, { error: "Choose when the token expires." }),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

/**
 * An organizer creates a read-API token for their event. The token is
 * returned once, here; the database keeps its hash. It reads with its
 * creator's organizer scope, so it never shows a proposal they speak on.
 */
export async function createApiToken(db: Db, actor: SignedIn, eventId: string, input: CreateTokenInput, options: ClockOptions = {}) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const now = readClock(options);
  const token = newTokenSecret();
  const record = await db.apiToken.create({
    data: {
      eventId,
      createdById: actor.userId,
      name: input.name,
      scopes: storeScopes(input.scopes),
      tokenHash: hashToken(token),
      prefix: displayPrefix(token),
      expiresAt: input.expiresIn === "never" ? null : new Date(now.getTime() + Number(input.expiresIn) * DAY),
      createdAt: now,
    },
    select: { id: true, name: true },
  });
  return { token, ...record };
}

/** The event's tokens, newest first, for its organizers. */
export async function listApiTokens(db: Db, actor: SignedIn, eventId: string) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const rows = await db.apiToken.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({ ...r, scopes: [...parseScopes(r.scopes)], createdBy: r.createdBy.name || r.createdBy.email }));
}

/** Revokes a token of the event at once: the next request with it is refused. Revoking twice is "not found". */
export async function revokeApiToken(db: Db, actor: SignedIn, eventId: string, tokenId: string, options: ClockOptions = {}) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, eventId, revokedAt: null },
    data: { revokedAt: readClock(options) },
  });
  if (count === 0) throw notFound("This token");
}
