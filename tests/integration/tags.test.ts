import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { bulkTag, setProposalTags } from "@/lib/tags/apply";
import { createTag, deleteTag, updateTag } from "@/lib/tags/define";
import { tagInput } from "@/lib/tags/schemas";
import { listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { rankingPage } from "@/lib/reviews/ranking/ranking-page";
import { reviewerQueue } from "@/lib/reviews/queue";
import { expectDomainError, snapshot } from "./helpers";

const getDb = useTestDb();
const tag = (name: string, extra: Record<string, string> = {}) => tagInput.parse({ name, ...extra });

async function setup() {
  const db = getDb();
  const event = await createEvent(db);
  const [a, b, c] = [await createProposal(db, { event }), await createProposal(db, { event }), await createProposal(db, { event })];
  const internal = await createTag(db, signedInAs(event.organizer.id), event.id, tag("Needs mentor"));
  const open = await createTag(db, signedInAs(event.organizer.id), event.id, tag("Beginner friendly", { public: "on", color: "#1F6FEB" }));
  return { db, event, a, b, c, internal, open };
}

const pairs = async (db: ReturnType<typeof getDb>) =>
  (await db.proposalTag.findMany({ select: { proposalId: true, tagId: true } })).map((r) => `${r.proposalId}:${r.tagId}`).sort();

describe("tags", () => {
  it("are unique per event by name, whatever the case and spacing", async () => {
    const { db, event, open } = await setup();
    expect(open.color).toBe("#1f6feb");
    const e = await expectDomainError(createTag(db, signedInAs(event.organizer.id), event.id, tag("  needs   MENTOR ")), "invalid");
    expect(e.fields?.name).toMatch(/already exists/);
    await expectDomainError(updateTag(db, signedInAs(event.organizer.id), event.id, open.id, tag("Needs Mentor")), "invalid");
    const other = await createEvent(db);
    await createTag(db, signedInAs(other.organizer.id), other.id, tag("Needs mentor"));
  });

  it("are added and removed in bulk; adding twice keeps one", async () => {
    const { db, event, a, b, c, internal } = await setup();
    expect(
      await bulkTag(db, signedInAs(event.organizer.id), event.id, { tagId: internal.id, op: "add", proposalIds: [a.id, b.id] }),
    ).toEqual({
      changed: 2,
      skipped: 0,
    });
    await bulkTag(db, signedInAs(event.organizer.id), event.id, { tagId: internal.id, op: "add", proposalIds: [a.id, b.id, c.id] });
    expect(await pairs(db)).toEqual([a.id, b.id, c.id].map((id) => `${id}:${internal.id}`).sort());
    await bulkTag(db, signedInAs(event.organizer.id), event.id, { tagId: internal.id, op: "remove", proposalIds: [a.id, c.id] });
    expect(await pairs(db)).toEqual([`${b.id}:${internal.id}`]);
  });

  it("concurrent bulk adds of the same pairs both succeed and leave one row each", async () => {
    const { db, event, a, b, internal } = await setup();
    const input = { tagId: internal.id, op: "add" as const, proposalIds: [a.id, b.id] };
    await Promise.all([
      bulkTag(db, signedInAs(event.organizer.id), event.id, input),
      bulkTag(db, signedInAs(event.organizer.id), event.id, input),
    ]);
    expect(await pairs(db)).toHaveLength(2);
  });

  it("skip drafts, other events' proposals and proposals the organizer speaks on", async () => {
    const { db, event, a, internal } = await setup();
    const draft = await createProposal(db, { event, status: "draft" });
    const foreign = await createProposal(db, { event: await createEvent(db) });
    const own = await createProposal(db, { event, speaker: event.organizer });
    const result = await bulkTag(db, signedInAs(event.organizer.id), event.id, {
      tagId: internal.id,
      op: "add",
      proposalIds: [a.id, draft.id, foreign.id, own.id],
    });
    expect(result).toEqual({ changed: 1, skipped: 3 });
    await expectDomainError(setProposalTags(db, signedInAs(event.organizer.id), event.id, own.id, [internal.id]), "not_found");
  });

  it("refuses another event's tag", async () => {
    const { db, event, a } = await setup();
    const other = await createEvent(db);
    const foreignTag = await createTag(db, signedInAs(other.organizer.id), other.id, tag("Elsewhere"));
    await expectDomainError(
      bulkTag(db, signedInAs(event.organizer.id), event.id, { tagId: foreignTag.id, op: "add", proposalIds: [a.id] }),
      "not_found",
    );
    await expectDomainError(setProposalTags(db, signedInAs(event.organizer.id), event.id, a.id, [foreignTag.id]), "not_found");
    expect(await pairs(db)).toEqual([]);
  });

  it("sets exactly the chosen tags on one proposal", async () => {
    const { db, event, a, internal, open } = await setup();
    await setProposalTags(db, signedInAs(event.organizer.id), event.id, a.id, [internal.id, open.id]);
    await setProposalTags(db, signedInAs(event.organizer.id), event.id, a.id, [open.id]);
    expect(await pairs(db)).toEqual([`${a.id}:${open.id}`]);
  });

  it("deleting a tag removes it from every proposal", async () => {
    const { db, event, a, internal } = await setup();
    await bulkTag(db, signedInAs(event.organizer.id), event.id, { tagId: internal.id, op: "add", proposalIds: [a.id] });
    await deleteTag(db, signedInAs(event.organizer.id), event.id, internal.id);
    expect(await pairs(db)).toEqual([]);
  });

  it("filter the organizer list, the ranking and (public tags only) the review queue", async () => {
    const { db, event, a, b, internal, open } = await setup();
    await bulkTag(db, signedInAs(event.organizer.id), event.id, { tagId: internal.id, op: "add", proposalIds: [a.id] });
    await bulkTag(db, signedInAs(event.organizer.id), event.id, { tagId: open.id, op: "add", proposalIds: [b.id] });
    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, listQuery.parse({ tag: internal.id }));
    expect(list.rows.map((r) => r.id)).toEqual([a.id]);
    expect(list.rows[0].tags.map((t) => t.tag.name)).toEqual(["Needs mentor"]);
    const ranking = await rankingPage(db, signedInAs(event.organizer.id), event.id, rankingQuery.parse({ tag: open.id }));
    expect(ranking.rows.map((r) => r.id)).toEqual([b.id]);
    const reviewer = await addReviewer(db, event);
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { tagId: open.id })).items.map((i) => i.id)).toEqual([b.id]);
    // An internal tag neither filters nor shows for a reviewer.
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { tagId: internal.id })).items).toEqual([]);
    const all = await reviewerQueue(db, signedInAs(reviewer.id), event.id);
    expect(all.items.flatMap((i) => i.tags.map((t) => t.tag.name))).toEqual(["Beginner friendly"]);
  });

  describe("denied", () => {
    const cases = ["anonymous", "speaker", "reviewer", "organizer of another event"] as const;
    it.each(cases)("%s can neither define nor apply tags, and nothing changes", async (kind) => {
      const { db, event, a, internal } = await setup();
      const actorId = {
        anonymous: null,
        speaker: a.speaker.id,
        reviewer: (await addReviewer(db, event)).id,
        "organizer of another event": (await createEvent(db)).organizer.id,
      }[kind];
      const code = { anonymous: "unauthenticated", speaker: "not_found", reviewer: "forbidden", "organizer of another event": "not_found" }[
        kind
      ] as "unauthenticated" | "not_found" | "forbidden";
      const before = await snapshot(db);
      await expectDomainError(() => createTag(db, signedInAs(actorId), event.id, tag("Mine")), code);
      await expectDomainError(() => updateTag(db, signedInAs(actorId), event.id, internal.id, tag("Renamed")), code);
      await expectDomainError(() => deleteTag(db, signedInAs(actorId), event.id, internal.id), code);
      await expectDomainError(
        () => bulkTag(db, signedInAs(actorId), event.id, { tagId: internal.id, op: "add", proposalIds: [a.id] }),
        code,
      );
      await expectDomainError(() => setProposalTags(db, signedInAs(actorId), event.id, a.id, [internal.id]), code);
      expect(await snapshot(db)).toEqual(before);
    });

    it("a co-organizer who speaks on a proposal cannot tag it; a colleague can (the control)", async () => {
      const { db, event, internal } = await setup();
      const speaking = await addOrganizer(db, event, await createUser(db));
      const own = await createProposal(db, { event, speaker: speaking });
      await expectDomainError(setProposalTags(db, signedInAs(speaking.id), event.id, own.id, [internal.id]), "not_found");
      expect((await bulkTag(db, signedInAs(speaking.id), event.id, { tagId: internal.id, op: "add", proposalIds: [own.id] })).changed).toBe(
        0,
      );
      await setProposalTags(db, signedInAs(event.organizer.id), event.id, own.id, [internal.id]);
      expect(await pairs(db)).toEqual([`${own.id}:${internal.id}`]);
    });
  });
});
