// Shared by the schema (lib/profile/schemas.ts) and the browser's profile
// form: kept free of zod so the profile page does not ship it.
export const PROFILE_LIMITS = { name: 100, bio: 2000 } as const;
