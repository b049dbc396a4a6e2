// Every rate limit of the app, in one place. A limit allows `max` hits per
// fixed window of `windowMs` for one subject (an address, a client, a user).

export type RateLimit = {
  /** Names the counter: part of every bucket key, so two limits never share a count. */
  name: string;
  max: number;
  windowMs: number;
};

const MINUTE = 60_000;

export const SIGN_IN_EMAILS_PER_ADDRESS: RateLimit = { name: "signin-address", max: 5, windowMs: 15 * MINUTE };
export const SIGN_IN_EMAILS_PER_CLIENT: RateLimit = { name: "signin-client", max: 20, windowMs: 15 * MINUTE };
export const SUBMISSIONS_PER_USER: RateLimit = { name: "submit-user", max: 10, windowMs: 60 * MINUTE };

export const ALL_LIMITS: readonly RateLimit[] = [SIGN_IN_EMAILS_PER_ADDRESS, SIGN_IN_EMAILS_PER_CLIENT, SUBMISSIONS_PER_USER];

/** Buckets that started this long ago are over for every limit: cleanup deletes them. */
export const LONGEST_WINDOW_MS = Math.max(...ALL_LIMITS.map((l) => l.windowMs));
