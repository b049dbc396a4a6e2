import { invalid } from "@/lib/errors";
import { scoreField } from "@/lib/reviews/review-fields";

export type CriterionScale = { id: string; name: string; minScore: number; maxScore: number };

/**
 * Checks a review's raw form values against the event's criteria: each is
 * empty ("no opinion") or a whole number on the criterion's scale, and at
 * least one criterion is scored. Unknown criterion ids are refused, so a
 * forged form cannot score another event's criteria.
 */
export function parseCriterionValues(criteria: readonly CriterionScale[], raw: Readonly<Record<string, string>>) {
  const known = new Map(criteria.map((c) => [c.id, c]));
  if (Object.keys(raw).some((id) => !known.has(id))) throw invalid("This review form is out of date: reload the page.");
  const fields: Record<string, string> = {};
  const values: Record<string, number | null> = {};
  for (const c of criteria) {
    const text = (raw[c.id] ?? "").trim();
    if (text === "") {
      values[c.id] = null;
      continue;
    }
    const n = Number(text);
    if (!Number.isInteger(n) || n < c.minScore || n > c.maxScore) {
      fields[scoreField(c.id)] = `Choose a whole number from ${c.minScore} to ${c.maxScore}, or “no opinion”.`;
    } else values[c.id] = n;
  }
  if (Object.keys(fields).length > 0) throw invalid("Please correct the highlighted scores.", fields);
  if (criteria.every((c) => values[c.id] === null)) {
    const first = criteria[0];
    throw invalid("Score at least one criterion.", first ? { [scoreField(first.id)]: "Score at least one criterion." } : undefined);
  }
  return values;
}
