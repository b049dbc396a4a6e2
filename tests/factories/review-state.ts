import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { expectDomainError, snapshot, type ErrorCode } from "@/tests/integration/helpers";

/**
 * Every row of the review tables that tests/integration/helpers.ts `snapshot`
 * does not cover (criteria, per-criterion scores, conflicts, assignments,
 * discussion), in a stable order.
 */
export async function reviewTables(db: Db) {
  const byId = { orderBy: { id: "asc" as const } };
  const [criteria, reviewScores, proposalConflicts, speakerConflicts, assignments, comments] = await Promise.all([
    db.reviewCriterion.findMany(byId),
    db.reviewScore.findMany({ orderBy: [{ reviewId: "asc" }, { criterionId: "asc" }] }),
    db.proposalConflict.findMany(byId),
    db.speakerConflict.findMany(byId),
    db.reviewAssignment.findMany(byId),
    db.reviewComment.findMany(byId),
  ]);
  return { criteria, reviewScores, proposalConflicts, speakerConflicts, assignments, comments };
}

/** `snapshot` plus the review tables: the whole database. */
export async function everything(db: Db) {
  const [base, review] = await Promise.all([snapshot(db), reviewTables(db)]);
  return { ...base, ...review };
}

/**
 * Like helpers' expectDenied, over the whole database including the review
 * tables: the call is refused with `code`, not one row changed, and the
 * error's message and field messages mention none of the `hides` strings
 * (titles, names, comments the caller must not learn).
 */
export async function expectRefused(db: Db, code: ErrorCode, call: () => Promise<unknown>, hides: readonly string[] = []) {
  const before = await everything(db);
  const error = await expectDomainError(call(), code);
  expect(await everything(db)).toEqual(before);
  const told = [error.message, ...Object.values(error.fields ?? {})].join("\n");
  for (const secret of hides.filter(Boolean)) expect(told).not.toContain(secret);
  return error;
}
