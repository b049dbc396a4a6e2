export type CriterionSpec = { name: string; description: string; minScore: number; maxScore: number; weight: number };

/** What a new event starts with: one overall score, as before criteria existed. */
export const DEFAULT_CRITERIA: readonly CriterionSpec[] = [{ name: "Overall", description: "", minScore: 1, maxScore: 5, weight: 1 }];
