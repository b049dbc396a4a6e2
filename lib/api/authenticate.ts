import type { Db } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { organizerScope, type OrganizerScope } from "@/lib/auth/organizer-scope";
import { isDomainError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit/fixed-window";
import { API_REQUESTS_PER_TOKEN } from "@/lib/rate-limit/limits";
import { ApiError } from "./errors";
import { parseScopes, type ApiScope } from "./scopes";
import { hashToken } from "./token-secret";

/** What an authenticated request may read: the token's scopes within its creator's organizer scope of one event. */
export type ApiContext = {
  readonly tokenId: string;
  readonly event: { id: string; slug: string };
  readonly scopes: ReadonlySet<ApiScope>;
  readonly organizer: OrganizerScope;
};

const LAST_USE_PRECISION_MS = 60_000;

/**
 * `Authorization: Token <token>` → the request's context, or an ApiError
 * with a stable code. Checked in this order: the header, the token (known,
 * not revoked, not expired), the token's rate limit, the event (the token's
 * own), the scope, and that the token's creator still organizes the event.
 * The last use is recorded to the minute (one write a minute per token).
 */
export async function authenticateApi(
  db: Db,
  request: { authorization: string | null; slug: string; scope: ApiScope },
  options: ClockOptions = {},
): Promise<ApiContext> {
  const now = readClock(options);
  if (!request.authorization) throw new ApiError("missing_token", "Send an API token: Authorization: Token <token>.");
  const match = /^Token ([A-Za-z0-9_-]{1,200})$/.exec(request.authorization.trim());
  if (!match) throw new ApiError("malformed_token", "The Authorization header must be: Token <token>.");

  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: {
      id: true,
      eventId: true,
      createdById: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      event: { select: { slug: true } },
    },
  });
  if (!token) throw new ApiError("invalid_token", "This API token is not known.");
  if (token.revokedAt) throw new ApiError("token_revoked", "This API token was revoked.");
  if (token.expiresAt && token.expiresAt <= now) throw new ApiError("token_expired", "This API token has expired.");

  const verdict = await consume(db, API_REQUESTS_PER_TOKEN, token.id, now);
  if (!verdict.allowed) {
    const seconds = Math.max(1, Math.ceil((verdict.resetAt.getTime() - now.getTime()) / 1000));
    throw new ApiError("rate_limited", `Too many requests with this token; try again in ${seconds} s.`, { "Retry-After": String(seconds) });
  }
  if (token.event.slug !== request.slug) throw new ApiError("event_not_found", "No event with this slug for this token.");
  const scopes = parseScopes(token.scopes);
  if (!scopes.has(request.scope)) throw new ApiError("missing_scope", `This token lacks the "${request.scope}" scope.`);

  let organizer: OrganizerScope;
  try {
    organizer = await organizerScope(db, token.createdById, token.eventId, "proposal:view-reviews");
  } catch (e) {
    if (isDomainError(e))
      throw new ApiError("token_owner_not_organizer", "The person who created this token no longer organizes the event.");
    throw e;
  }
  await db.apiToken.updateMany({
    where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USE_PRECISION_MS) } }] },
    data: { lastUsedAt: now },
  });
  return { tokenId: token.id, event: { id: token.eventId, slug: token.event.slug }, scopes, organizer };
}
