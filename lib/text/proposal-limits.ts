// Shared by the schema (lib/proposals/schemas.ts) and the browser's form
// components: kept free of zod so the proposal form does not ship it.
export const LIMITS = { title: 150, abstract: 5000, notes: 2000 } as const;
export const LEVELS = ["BEGINNER", "INTERMEDIATE", "ADVANCED"] as const;
export const LEVEL_LABELS: Record<(typeof LEVELS)[number], string> = {
  BEGINNER: "Beginner",
  INTERMEDIATE: "Intermediate",
  ADVANCED: "Advanced",
};
