import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
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

const getDb = useTestDb();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** An open event whose CFP closes `ms` from now. */
async function closingSoon(db: Db, ms: number) {
  const event = await createEvent(db);
  const cfpClosesAt = new Date(Date.now() + ms);
  await db.event.update({ where: { id: event.id }, data: { cfpClosesAt } });
  return { ...event, cfpClosesAt };
}

/** The submission's transaction counts it against the rate limit first: hold it there until past the deadline. */
const heldPast = (db: Db, deadline: Date) => afterQuery(db, "rateLimitBucket", "upsert", () => sleep(Math.max(0, deadline.getTime() - Date.now()) + 50));

describe("submissions around the deadline", () => {
  it("a draft submitted just before the deadline is stamped before it, however long its write waited", async () => {
    const db = getDb();
    const event = await closingSoon(db, 300);
    const proposal = await createProposal(db, { event, status: "draft" });
    const { speaker } = proposal;

    const result = await transitionProposal(heldPast(db, event.cfpClosesAt), speaker.id, proposal.id, "submit");

    expect(result.status).toBe("SUBMITTED");
    expect(Date.now()).toBeGreaterThan(event.cfpClosesAt.getTime());
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.submittedAt!.getTime()).toBeLessThan(event.cfpClosesAt.getTime());
  });

  it("so is a new proposal submitted at once, and an edit that submits a draft", async () => {
    const db = getDb();
    const event = await closingSoon(db, 400);
    const draft = await createProposal(db, { event, status: "draft" });
    const { speaker } = draft;

    const [created] = await Promise.all([
      submitNewProposal(heldPast(db, event.cfpClosesAt), speaker.id, event.id, proposalInput(event, { intent: "submit" })),
      updateProposal(heldPast(db, event.cfpClosesAt), speaker.id, draft.id, proposalInput(event, { intent: "submit", title: "Edited, then submitted" })),
    ]);

    const rows = await db.proposal.findMany({ where: { id: { in: [created.id, draft.id] } } });
    expect(rows.map((r) => r.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
    for (const row of rows) expect(row.submittedAt!.getTime()).toBeLessThan(event.cfpClosesAt.getTime());
  });

  it("a submission checked after the deadline is refused and leaves the draft a draft", async () => {
    const db = getDb();
    const event = await closingSoon(db, 100);
    const proposal = await createProposal(db, { event, status: "draft" });
    const { speaker } = proposal;
    await sleep(150);

    await expectDomainError(transitionProposal(db, speaker.id, proposal.id, "submit"), "cfp_closed");

    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row).toMatchObject({ status: "DRAFT", submittedAt: null });
  });
});
