// A small event with hand-computed review statistics, shared by the ranking
// and reviewer statistics tests (not a test file).
//
// Two criteria on different scales, so scores display in percent:
//   Relevance 1–5 (weight 2), Clarity 0–3 (weight 1)
//   score = (2·(r−1)/4 + c/3) / 3 = (3·(r−1) + 2·c) / 18
// Below, scores are written in eighteenths: 6 means 6/18.
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";
import {
  addReviewer,
  createEvent,
  createProposal,
  createReview,
  createUser,
  type EventFixture,
  type ProposalFixture,
} from "@/tests/factories";

export const CRITERIA = [
  { name: "Relevance", description: "", minScore: 1, maxScore: 5, weight: 2 },
  { name: "Clarity", description: "", minScore: 0, maxScore: 3, weight: 1 },
];

/** [relevance, clarity] giving each score (in eighteenths) used below. */
const VALUES: Record<number, [number, number]> = {
  2: [1, 1],
  3: [2, 0],
  6: [3, 0],
  9: [4, 0],
  14: [5, 1],
  15: [4, 3],
  18: [5, 3],
};

export type SmallEvent = {
  event: EventFixture;
  reviewers: [User, User, User];
  /** A, B, C, D, E: see smallEvent. */
  p: Record<"A" | "B" | "C" | "D" | "E", ProposalFixture>;
  draft: ProposalFixture;
  withdrawn: ProposalFixture;
};

/**
 * | proposal | title      | track       | session type   | status    | R1 | R2 | R3 |
 * |----------|------------|-------------|----------------|-----------|----|----|----|
 * | A        | Borrowing  | Systems     | Talk           | SUBMITTED | 6  | 6  | 18 |
 * | B        | Async      | Web & Async | Lightning talk | SUBMITTED | 2  |    | 14 |
 * | C        | Embedded   | Web & Async | Talk           | ACCEPTED  | 15 | 9  | 15 |
 * | D        | Lifetimes  | (none)      | Lightning talk | REJECTED  |    | 3  |    |
 * | E        | Compilers  | Systems     | Talk           | SUBMITTED |    |    |    |
 * plus a draft and a withdrawn proposal, never ranked. Three reviews wanted per proposal.
 * Every proposal has a stats row, as createProposal in the app makes one, and
 * normalized scores are up to date.
 */
export async function smallEvent(db: Db): Promise<SmallEvent> {
  const event = await createEvent(db, { criteria: CRITERIA, reviewsPerProposal: 3 });
  const reviewers = [await addReviewer(db, event), await addReviewer(db, event), await addReviewer(db, event)] as [User, User, User];
  const [systems, web] = event.tracks;
  const make = async (
    title: string,
    track: typeof systems | null,
    sessionType: "talk" | "lightning",
    status: "submitted" | "accepted" | "rejected" | "draft" | "withdrawn",
  ) => {
    const proposal = await createProposal(db, { event, title, track, sessionType, status });
    await db.proposalStats.create({ data: { proposalId: proposal.id, eventId: event.id } });
    return proposal;
  };
  const p = {
    A: await make("Borrowing", systems, "talk", "submitted"),
    B: await make("Async", web, "lightning", "submitted"),
    C: await make("Embedded", web, "talk", "accepted"),
    D: await make("Lifetimes", null, "lightning", "rejected"),
    E: await make("Compilers", systems, "talk", "submitted"),
  };
  const draft = await make("Draft talk", systems, "talk", "draft");
  const withdrawn = await make("Withdrawn talk", systems, "talk", "withdrawn");
  const [r1, r2, r3] = reviewers;
  const given: [ProposalFixture, User, number][] = [
    [p.A, r1, 6],
    [p.A, r2, 6],
    [p.A, r3, 18],
    [p.B, r1, 2],
    [p.B, r3, 14],
    [p.C, r1, 15],
    [p.C, r2, 9],
    [p.C, r3, 15],
    [p.D, r2, 3],
  ];
  for (const [proposal, reviewer, eighteenths] of given) await review(db, event, proposal, reviewer, eighteenths);
  // Normalized scores, as the review write path refreshes them after saving.
  await refreshEventStats(db, event.id);
  return { event, reviewers, p, draft, withdrawn };
}

/** A review whose score is `eighteenths`/18 on the CRITERIA above. */
export function review(db: Db, event: EventFixture, proposal: ProposalFixture, reviewer: Pick<User, "id">, eighteenths: number) {
  const [relevance, clarity] = VALUES[eighteenths];
  const [r, c] = event.criteria;
  return createReview(db, { proposal, reviewer, values: { [r.id]: relevance, [c.id]: clarity } });
}

/** A user who speaks on a submitted proposal of the event: no role on its team. */
export async function speakerOf(db: Db, event: EventFixture): Promise<User> {
  const speaker = await createUser(db);
  await createProposal(db, { event, speaker, status: "submitted" });
  return speaker;
}

export const e18 = (n: number) => n / 18;
