// Shared by the schema and the browser's character counter.
export const COMMENT_BODY_MAX = 2000;
