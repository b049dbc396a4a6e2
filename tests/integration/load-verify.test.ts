import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { saveReview } from "@/lib/reviews/save-review";
import type { Attempt } from "@/tests/load/ledger";
import { seedLoadEvent, type LoadEvent } from "@/tests/load/seed";
import { verify, violations, type Findings } from "@/tests/load/verify";
import { useTestDb } from "@/tests/support/test-db";

// The load run's checker must see each kind of damage it claims to rule out:
// each test plants one in a database seeded as the load run seeds it.

const getDb = useTestDb();
const HOUR = 3_600_000;

async function seeded(db: Db): Promise<LoadEvent> {
  return seedLoadEvent(db, { speakers: 3, reviewers: 2, organizers: 1, hotProposals: 2 }, new Date(Date.now() + HOUR));
}

function attempt(a: Partial<Attempt> & Pick<Attempt, "kind" | "target" | "value" | "outcome">): Attempt {
  const sentAt = a.sentAt ?? Date.now() - 1000;
  return { client: "c1", sentAt, doneAt: sentAt + 50, detail: "", ...a };
}

const only = (f: Findings, key: keyof Findings) => {
  expect(f[key].length).toBeGreaterThan(0);
  return f[key];
};

describe("load run checks", () => {
  it("find nothing wrong in a freshly seeded event", async () => {
    const db = getDb();
    const ev = await seeded(db);
    expect(violations(await verify(db, ev, []))).toBe(0);
  });

  it("an acknowledged edit that is not in the database is a lost write; a refused one that is, is reported too", async () => {
    const db = getDb();
    const ev = await seeded(db);
    const [lost, sneaked] = ev.drafts;
    await db.proposal.update({ where: { id: sneaked.id }, data: { title: "Refused but written" } });
    const f = await verify(db, ev, [
      attempt({ kind: "edit", target: lost.id, value: "Acknowledged, then lost", outcome: "ack", detail: "/speaker/proposals/x?saved=1" }),
      attempt({
        kind: "edit",
        target: sneaked.id,
        value: "Refused but written",
        outcome: "refused",
        detail: "The call for papers is closed.",
      }),
    ]);
    expect(only(f, "lostWrites").join("\n")).toContain("Acknowledged, then lost");
    expect(only(f, "refusedButWritten").join("\n")).toContain("Refused but written");
  });

  it("a review whose acknowledged comment is gone, or whose scores are not the ones sent with it", async () => {
    const db = getDb();
    const ev = await seeded(db);
    const [p1, p2] = ev.hotProposalIds;
    const reviewerId = ev.reviewers[0].userId;
    const [relevance, clarity] = ev.criteria;
    await saveReview(db, signedInAs(reviewerId), p1, { comment: "stored", scores: { [relevance.id]: "4", [clarity.id]: "7" } });
    await saveReview(db, signedInAs(reviewerId), p2, { comment: "scores swapped", scores: { [relevance.id]: "2", [clarity.id]: "9" } });
    const f = await verify(db, ev, [
      attempt({
        kind: "review",
        target: `${p1}|${reviewerId}`,
        value: "stored",
        outcome: "ack",
        sentAt: Date.now() - 5000,
        scores: { [relevance.id]: 4, [clarity.id]: 7 },
      }),
      attempt({
        kind: "review",
        target: `${p1}|${reviewerId}`,
        value: "acknowledged later",
        outcome: "ack",
        scores: { [relevance.id]: 5, [clarity.id]: 5 },
      }),
      attempt({
        kind: "review",
        target: `${p2}|${reviewerId}`,
        value: "scores swapped",
        outcome: "ack",
        scores: { [relevance.id]: 3, [clarity.id]: 9 },
      }),
    ]);
    expect(only(f, "lostWrites").join("\n")).toContain("acknowledged later");
    expect(only(f, "illegalStates").join("\n")).toMatch(/scores .* are not the ones sent/);
  });

  it("a second confirmation email for one submission is a duplicate; a draft with a decision date is an illegal state", async () => {
    const db = getDb();
    const ev = await seeded(db);
    const hot = await db.outboxEmail.findFirstOrThrow({ where: { proposalId: ev.hotProposalIds[0], kind: "submission-received" } });
    const { id: _id, ...copy } = hot;
    await db.outboxEmail.create({ data: copy });
    await db.proposal.update({ where: { id: ev.drafts[0].id }, data: { decidedAt: new Date() } });
    const f = await verify(db, ev, []);
    expect(only(f, "duplicates").join("\n")).toContain('2 "submission-received" emails');
    expect(only(f, "illegalStates").join("\n")).toContain("a draft with submittedAt/decidedAt");
  });

  it("a status without the log that leads to it is an illegal state", async () => {
    const db = getDb();
    const ev = await seeded(db);
    await db.proposal.update({ where: { id: ev.hotProposalIds[0] }, data: { status: "ACCEPTED", decidedAt: new Date() } });
    const f = await verify(db, ev, []);
    expect(only(f, "illegalStates").join("\n")).toContain("does not lead to its status");
  });

  it("a submission stamped after the deadline, or a write sent after it and acknowledged", async () => {
    const db = getDb();
    const ev = await seeded(db);
    ev.cfpClosesAt = new Date(Date.now() - 60_000);
    const f = await verify(db, ev, [
      attempt({ kind: "edit", target: ev.drafts[0].id, value: ev.drafts[0].title, outcome: "ack", sentAt: Date.now() - 1000 }),
    ]);
    const found = only(f, "afterDeadline").join("\n");
    expect(found).toContain("after the deadline was acknowledged");
    expect(found).toMatch(/submitted at .* deadline/);
  });
});
