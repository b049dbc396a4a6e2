import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import {
  addOrganizer,
  addReviewer,
  createEvent,
  createOutsider,
  createProposal,
  createSpeakerConflict,
  createUser,
  OUTSIDERS,
} from "@/tests/factories";
import { expectRefused } from "./helpers";
import type { Db } from "@/lib/db/client";
import { addDiscussionComment, discussionInput, listDiscussion } from "@/lib/reviews/discussion";
import { COMMENT_BODY_MAX } from "@/lib/reviews/discussion-limits";
import { proposalForReviewer } from "@/lib/reviews/reviewer-access";

const getDb = useTestDb();
const body = (text: string) => discussionInput.parse({ body: text });

async function setup(db: Db) {
  const event = await createEvent(db);
  const reviewer = await addReviewer(db, event, await createUser(db, { name: "Rita Reviewer" }));
  const proposal = await createProposal(db, { event, status: "submitted" });
  return { event, reviewer, proposal };
}

describe("review team discussion", () => {
  it("reviewers and organizers post, and everyone on the team reads the thread oldest first with its authors", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db);
    const coOrganizer = await addOrganizer(db, event);

    const first = await addDiscussionComment(
      db,
      signedInAs(reviewer.id),
      proposal.id,
      body("  Is the live demo realistic in 30 minutes?  "),
    );
    await db.reviewComment.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await addDiscussionComment(db, signedInAs(event.organizer.id), proposal.id, body("We can ask for a recorded fallback."));

    for (const reader of [reviewer, event.organizer, coOrganizer]) {
      const thread = await listDiscussion(db, signedInAs(reader.id), proposal.id);
      expect(thread.map((c) => [c.author.id, c.body])).toEqual([
        [reviewer.id, "Is the live demo realistic in 30 minutes?"],
        [event.organizer.id, "We can ask for a recorded fallback."],
      ]);
    }
    expect((await listDiscussion(db, signedInAs(reviewer.id), proposal.id))[0].author).toEqual({
      id: reviewer.id,
      name: "Rita Reviewer",
      email: reviewer.email,
    });
  });

  it("reads the thread for the access a page already resolved (proposalForReviewer), and only for that proposal", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db);
    const other = await createProposal(db, { event, status: "submitted" });
    await addDiscussionComment(db, signedInAs(reviewer.id), proposal.id, body("Worth a slot."));
    const access = await proposalForReviewer(db, signedInAs(reviewer.id), proposal.id);

    expect(await listDiscussion(db, access, proposal.id)).toEqual(await listDiscussion(db, signedInAs(reviewer.id), proposal.id));
    await expectRefused(db, "forbidden", () => listDiscussion(db, access, other.id));
  });

  it("keeps each proposal's thread to itself", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db);
    const other = await createProposal(db, { event, status: "submitted" });
    await addDiscussionComment(db, signedInAs(reviewer.id), other.id, body("About the other one."));
    expect(await listDiscussion(db, signedInAs(reviewer.id), proposal.id)).toEqual([]);
  });

  it("stays open on decided proposals", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "accepted" });
    await addDiscussionComment(db, signedInAs(reviewer.id), proposal.id, body("Congrats to us for picking this one."));
    expect(await listDiscussion(db, signedInAs(reviewer.id), proposal.id)).toHaveLength(1);
  });

  describe.each(OUTSIDERS)("refuses the %s", (kind) => {
    it("for reading and for posting, revealing no comment", async () => {
      const db = getDb();
      const { event, reviewer, proposal } = await setup(db);
      await addDiscussionComment(db, signedInAs(reviewer.id), proposal.id, body("Private team remark."));
      const { actorId, code } = await createOutsider(db, kind, event, proposal);

      await expectRefused(db, code, () => listDiscussion(db, signedInAs(actorId), proposal.id), ["Private team remark.", "Rita Reviewer"]);
      await expectRefused(db, code, () => addDiscussionComment(db, signedInAs(actorId), proposal.id, body("Let me in.")));
    });
  });

  it("refuses a reviewer conflicted through a speaker conflict (forbidden), though they may discuss other proposals", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db);
    await createSpeakerConflict(db, { event, reviewer, speaker: proposal.speaker, createdBy: event.organizer });
    const other = await createProposal(db, { event, status: "submitted" });

    await expectRefused(db, "forbidden", () => listDiscussion(db, signedInAs(reviewer.id), proposal.id));
    await expectRefused(db, "forbidden", () => addDiscussionComment(db, signedInAs(reviewer.id), proposal.id, body("Hi")));
    await addDiscussionComment(db, signedInAs(reviewer.id), other.id, body("Fine here."));
  });

  it.each(["draft", "withdrawn"] as const)("refuses a %s proposal (not_found: invisible to the team)", async (status) => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status });
    await expectRefused(db, "not_found", () => listDiscussion(db, signedInAs(event.organizer.id), proposal.id));
    await expectRefused(db, "not_found", () => addDiscussionComment(db, signedInAs(event.organizer.id), proposal.id, body("Hm")));
  });
});

describe("discussionInput", () => {
  it.each(["", "   ", "\n\t\n", "\u0000\u0007"])("refuses an empty comment (%j)", (text) => {
    const result = discussionInput.safeParse({ body: text });
    expect(result.success).toBe(false);
  });

  it(`accepts exactly ${COMMENT_BODY_MAX} characters and refuses one more`, () => {
    expect(COMMENT_BODY_MAX).toBe(2000);
    expect(discussionInput.safeParse({ body: "a".repeat(COMMENT_BODY_MAX) }).success).toBe(true);
    const tooLong = discussionInput.safeParse({ body: "a".repeat(COMMENT_BODY_MAX + 1) });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error!.issues[0].message).toBe(`Comment must be at most ${COMMENT_BODY_MAX} characters.`);
  });

  it("counts what a person sees as one character: 2000 emoji fit", () => {
    expect(discussionInput.safeParse({ body: "👩‍💻".repeat(COMMENT_BODY_MAX) }).success).toBe(true);
  });

  it("trims and cleans control characters", () => {
    expect(discussionInput.parse({ body: "  ok\u0000 \r\n" })).toEqual({ body: "ok" });
  });
});
