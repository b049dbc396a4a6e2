// Shared by the schema (./schemas.ts) and the browser's template editor:
// kept free of zod so the editor does not ship it.
export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;
