// Every rate limit of the app, in one place. A limit allows `max` hits per
// fixed window of `windowMs` for one subject (an address, a client, a user).

export type RateLimit = {
  /** Names the counter: part of every bucket key, so two limits never share a count. */
  name: string;
  max: number;
  windowMs: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SIGN_IN_EMAILS_PER_ADDRESS: RateLimit = { name: "signin-address", max: 5, windowMs: 15 * MINUTE };
export const SIGN_IN_EMAILS_PER_CLIENT: RateLimit = { name: "signin-client", max: 20, windowMs: 15 * MINUTE };
export const SUBMISSIONS_PER_USER: RateLimit = { name: "submit-user", max: 10, windowMs: 60 * MINUTE };

// Email to other people (ADR 0012). Every invitation email counts when it is
// sent (invite, invite again, resend), so revoking one frees a speaker's
// place but not its count. Per user stops one account; per proposal stops
// one talk's invite-and-revoke loop; per event caps what many accounts can
// send through one event.
export const COSPEAKER_INVITES_PER_USER: RateLimit = { name: "cospeaker-user", max: 10, windowMs: DAY };
export const COSPEAKER_INVITES_PER_PROPOSAL: RateLimit = { name: "cospeaker-proposal", max: 8, windowMs: DAY };
export const COSPEAKER_INVITES_PER_EVENT: RateLimit = { name: "cospeaker-event", max: 60, windowMs: HOUR };
export const TEAM_INVITES_PER_USER: RateLimit = { name: "team-user", max: 30, windowMs: DAY };
export const TEAM_INVITES_PER_EVENT: RateLimit = { name: "team-event", max: 40, windowMs: DAY };
export const EVENTS_PER_USER: RateLimit = { name: "event-create-user", max: 3, windowMs: DAY };
// Read-API requests per token (lib/api/authenticate.ts): enough to page through 10,000 proposals in a minute.
export const API_REQUESTS_PER_TOKEN: RateLimit = { name: "api-token", max: 300, windowMs: MINUTE };

export const ALL_LIMITS: readonly RateLimit[] = [
  SIGN_IN_EMAILS_PER_ADDRESS,
  SIGN_IN_EMAILS_PER_CLIENT,
  SUBMISSIONS_PER_USER,
  COSPEAKER_INVITES_PER_USER,
  COSPEAKER_INVITES_PER_PROPOSAL,
  COSPEAKER_INVITES_PER_EVENT,
  TEAM_INVITES_PER_USER,
  TEAM_INVITES_PER_EVENT,
  EVENTS_PER_USER,
  API_REQUESTS_PER_TOKEN,
];

/** Buckets that started this long ago are over for every limit: cleanup deletes them. */
export const LONGEST_WINDOW_MS = Math.max(...ALL_LIMITS.map((l) => l.windowMs));
