import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { setSpeakerCap, speakerCapInput } from "@/lib/events/speaker-cap-setting";
import { addReviewer } from "@/tests/factories";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();

async function cappedEvent(cap: number) {
  const db = getDb();
  const event = await createEvent(db);
  await setSpeakerCap(db, signedInAs(event.organizer.id), event.id, speakerCapInput.parse({ maxProposalsPerSpeaker: String(cap) }));
  return { db, event };
}

describe("the per-speaker cap", () => {
  it("refuses a submission past the cap and keeps the draft; withdrawn proposals and drafts do not count", async () => {
    const { db, event } = await cappedEvent(2);
    const speaker = await createUser(db);
    await createProposal(db, { event, speaker, status: "submitted" });
    await createProposal(db, { event, speaker, status: "withdrawn" });
    await createProposal(db, { event, speaker, status: "draft" });
    const second = await createProposal(db, { event, speaker, status: "draft" });
    await transitionProposal(db, signedInAs(speaker.id), second.id, "submit");
    const third = await createProposal(db, { event, speaker, status: "draft" });
    const e = await expectDomainError(transitionProposal(db, signedInAs(speaker.id), third.id, "submit"), "conflict");
    expect(e.message).toMatch(/You already have 2 proposals submitted to this event, the most it accepts per speaker \(2\)/);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: third.id } })).status).toBe("DRAFT");
  });

  it("counts decided proposals and other events not at all", async () => {
    const { db, event } = await cappedEvent(1);
    const speaker = await createUser(db);
    await createProposal(db, { event: await createEvent(db), speaker, status: "submitted" });
    const rejected = await createProposal(db, { event, speaker, status: "rejected" });
    const draft = await createProposal(db, { event, speaker, status: "draft" });
    await expectDomainError(transitionProposal(db, signedInAs(speaker.id), draft.id, "submit"), "conflict");
    await db.proposal.delete({ where: { id: rejected.id } });
    await transitionProposal(db, signedInAs(speaker.id), draft.id, "submit");
  });

  it("applies to every speaker of the proposal: a co-speaker at the cap blocks it", async () => {
    const { db, event } = await cappedEvent(1);
    const co = await createUser(db, { name: "Cora Busy" });
    await createProposal(db, { event, speaker: co, status: "submitted" });
    const draft = await createProposal(db, { event, status: "draft", cospeakers: [co] });
    const e = await expectDomainError(transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit"), "conflict");
    expect(e.message).toMatch(/^Cora Busy already has 1 proposal submitted/);
  });

  it("no cap (the default, or emptied) means no limit", async () => {
    const { db, event } = await cappedEvent(1);
    await setSpeakerCap(db, signedInAs(event.organizer.id), event.id, speakerCapInput.parse({ maxProposalsPerSpeaker: "" }));
    const speaker = await createUser(db);
    await createProposal(db, { event, speaker, status: "submitted" });
    const draft = await createProposal(db, { event, speaker, status: "draft" });
    await transitionProposal(db, signedInAs(speaker.id), draft.id, "submit");
  });

  it("concurrent submissions by one speaker: exactly one gets the last place", async () => {
    const { db, event } = await cappedEvent(2);
    const speaker = await createUser(db);
    await createProposal(db, { event, speaker, status: "submitted" });
    const drafts = await Promise.all([1, 2, 3].map(() => createProposal(db, { event, speaker, status: "draft" })));
    const results = await Promise.allSettled(drafts.map((d) => transitionProposal(db, signedInAs(speaker.id), d.id, "submit")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason.code).toBe("conflict");
    expect(await db.proposal.count({ where: { eventId: event.id, status: "SUBMITTED" } })).toBe(2);
  });

  it("concurrent submissions by two owners sharing a co-speaker: exactly one gets the co-speaker's last place", async () => {
    const { db, event } = await cappedEvent(2);
    const co = await createUser(db);
    await createProposal(db, { event, speaker: co, status: "submitted" });
    const drafts = await Promise.all([1, 2, 3].map(() => createProposal(db, { event, status: "draft", cospeakers: [co] })));
    const results = await Promise.allSettled(drafts.map((d) => transitionProposal(db, signedInAs(d.speaker.id), d.id, "submit")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.proposal.count({ where: { eventId: event.id, status: "SUBMITTED", speakers: { some: { userId: co.id } } } })).toBe(2);
  });

  it("only the event's organizers set it", async () => {
    const { db, event } = await cappedEvent(3);
    const input = speakerCapInput.parse({ maxProposalsPerSpeaker: "1" });
    await expectDomainError(() => setSpeakerCap(db, signedInAs(null), event.id, input), "unauthenticated");
    await expectDomainError(setSpeakerCap(db, signedInAs((await addReviewer(db, event)).id), event.id, input), "forbidden");
    await expectDomainError(setSpeakerCap(db, signedInAs((await createUser(db)).id), event.id, input), "not_found");
    await expectDomainError(setSpeakerCap(db, signedInAs((await createEvent(db)).organizer.id), event.id, input), "not_found");
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).maxProposalsPerSpeaker).toBe(3);
  });

  it("accepts 1 to 100 or empty", () => {
    expect(speakerCapInput.safeParse({ maxProposalsPerSpeaker: "0" }).success).toBe(false);
    expect(speakerCapInput.safeParse({ maxProposalsPerSpeaker: "2.5" }).success).toBe(false);
    expect(speakerCapInput.parse({ maxProposalsPerSpeaker: " 5 " }).maxProposalsPerSpeaker).toBe(5);
  });
});
