// Shared by the schema (lib/reviews/schemas.ts) and the browser's review
// form: kept free of zod so the review page does not ship it.
export const COMMENT_MAX = 3000;

/** Form field name of a criterion's score; errors come back under the same key. */
export const scoreField = (criterionId: string) => `score.${criterionId}`;
