import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { manualClock } from "@/tests/support/clock";
import { createEvent, createProposal } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { createProposal as submitNewProposal } from "@/lib/proposals/create-proposal";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { afterQuery, expectDomainError, proposalInput } from "./helpers";

// The deadline is decided once, when the server checks it. A submission that
// passed the check and then waited for the write lock past the deadline (the
// last-minute rush) must still carry a submittedAt before the deadline: the
// stamp and the check are one reading of the clock.
//
// Time is an injected clock that moves only when a test moves it, so a busy
// machine cannot push a check past the deadline. The deadline lies in the
// past of the real clock: a stamp or a check that read the real clock instead
// would land after it, and fail.

const getDb = useTestDb();
const DEADLINE = new Date("2025-03-01T12:00:00.000Z");

/** An open event whose CFP closes at DEADLINE. */
async function closingAt(db: Db) {
  const event = await createEvent(db);
  const window = { cfpOpensAt: new Date(DEADLINE.getTime() - 14 * 86_400_000), cfpClosesAt: DEADLINE };
  await db.event.update({ where: { id: event.id }, data: window });
  return { ...event, ...window };
}

/**
 * A clock `msBefore` the deadline, and a client whose submission transaction,
 * once it counts the submission against the rate limit, waits until the clock
 * is past the deadline.
 */
function heldPast(db: Db, msBefore: number) {
  const clock = manualClock(new Date(DEADLINE.getTime() - msBefore));
  const client = afterQuery(db, "rateLimitBucket", "upsert", async () => clock.advance(msBefore + 50));
  return { clock, client };
}

describe("submissions around the deadline", () => {
  it("a draft submitted just before the deadline is stamped before it, however long its write waited", async () => {
    const db = getDb();
    const event = await closingAt(db);
    const proposal = await createProposal(db, { event, status: "draft" });
    const { speaker } = proposal;
    const { clock, client } = heldPast(db, 300);

    const result = await transitionProposal(client, signedInAs(speaker.id), proposal.id, "submit", { clock });

    expect(result.status).toBe("SUBMITTED");
    expect(clock.now().getTime()).toBeGreaterThan(event.cfpClosesAt.getTime());
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.submittedAt!.getTime()).toBeLessThan(event.cfpClosesAt.getTime());
  });

  it("so is a new proposal submitted at once, and an edit that submits a draft", async () => {
    const db = getDb();
    const event = await closingAt(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const { speaker } = draft;
    const created = heldPast(db, 400);
    const edited = heldPast(db, 400);

    const [proposal] = await Promise.all([
      submitNewProposal(created.client, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }), {
        clock: created.clock,
      }),
      updateProposal(
        edited.client,
        signedInAs(speaker.id),
        draft.id,
        proposalInput(event, { intent: "submit", title: "Edited, then submitted" }),
        {
          clock: edited.clock,
        },
      ),
    ]);

    for (const { clock } of [created, edited]) expect(clock.now().getTime()).toBeGreaterThan(event.cfpClosesAt.getTime());
    const rows = await db.proposal.findMany({ where: { id: { in: [proposal.id, draft.id] } } });
    expect(rows.map((r) => r.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
    for (const row of rows) expect(row.submittedAt!.getTime()).toBeLessThan(event.cfpClosesAt.getTime());
  });

  it("a submission checked after the deadline is refused and leaves the draft a draft", async () => {
    const db = getDb();
    const event = await closingAt(db);
    const proposal = await createProposal(db, { event, status: "draft" });
    const { speaker } = proposal;
    const clock = manualClock(new Date(DEADLINE.getTime() + 50));

    await expectDomainError(transitionProposal(db, signedInAs(speaker.id), proposal.id, "submit", { clock }), "cfp_closed");

    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row).toMatchObject({ status: "DRAFT", submittedAt: null });
  });
});
