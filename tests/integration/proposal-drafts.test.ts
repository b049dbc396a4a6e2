import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal as makeProposal, createUser } from "@/tests/factories";
import { createProposal } from "@/lib/proposals/create-proposal";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { saveProposalInput } from "@/lib/proposals/schemas";
import { expectDenied } from "./helpers";

const getDb = useTestDb();

const titleOnly = (overrides: Record<string, unknown> = {}) => saveProposalInput.parse({ title: "Just an idea so far", ...overrides });

const MISSING = {
  abstract: "Abstract is required to submit.",
  level: "Choose a level to submit.",
  sessionTypeId: "Choose a session type to submit.",
};

describe("a draft needs only a title", () => {
  it("saves a title-only draft: no abstract, level or session type yet, and a talk in the library", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);

    const draft = await createProposal(db, signedInAs(speaker.id), event.id, titleOnly());

    expect(draft).toMatchObject({
      status: "DRAFT",
      title: "Just an idea so far",
      abstract: "",
      level: null,
      sessionTypeId: null,
      trackId: null,
    });
    expect(await db.talk.findUniqueOrThrow({ where: { id: draft.talkId } })).toMatchObject({ title: "Just an idea so far", level: null });
  });

  it("keeps a title-only draft incomplete on later saves", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const draft = await createProposal(db, signedInAs(speaker.id), event.id, titleOnly());
    await updateProposal(db, signedInAs(speaker.id), draft.id, titleOnly({ abstract: "Half an abstract" }));
    expect(await db.proposal.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ abstract: "Half an abstract", level: null });
  });

  it("refuses an anonymous draft", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDenied(db, "unauthenticated", () => createProposal(db, signedInAs(null), event.id, titleOnly()));
  });

  it("refuses another speaker's edit of a title-only draft as not found", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const owner = await createUser(db);
    const draft = await createProposal(db, signedInAs(owner.id), event.id, titleOnly());
    const other = await createUser(db);
    await expectDenied(db, "not_found", () => updateProposal(db, signedInAs(other.id), draft.id, titleOnly({ title: "Mine now" })));
  });
});

describe("everything else is required at submission", () => {
  it("refuses to submit a new title-only proposal, naming each missing field, and saves nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const error = await expectDenied(db, "invalid", () =>
      createProposal(db, signedInAs(speaker.id), event.id, titleOnly({ intent: "submit" })),
    );
    expect(error.fields).toEqual(MISSING);
  });

  it("refuses to submit an incomplete draft, keeps it as it was, then submits it once complete", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const draft = await createProposal(db, signedInAs(speaker.id), event.id, titleOnly());

    const error = await expectDenied(db, "invalid", () =>
      updateProposal(db, signedInAs(speaker.id), draft.id, titleOnly({ abstract: "Now with an abstract", intent: "submit" })),
    );
    expect(error.fields).toEqual({ level: MISSING.level, sessionTypeId: MISSING.sessionTypeId });

    const complete = titleOnly({ abstract: "Now with an abstract", level: "BEGINNER", sessionTypeId: event.sessionTypes[0].id });
    const submitted = await updateProposal(db, signedInAs(speaker.id), draft.id, { ...complete, intent: "submit" });
    expect(submitted.status).toBe("SUBMITTED");
  });

  it("keeps a submitted proposal complete: blanking its abstract is refused", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const submitted = await makeProposal(db, { event, status: "submitted" });
    const error = await expectDenied(db, "invalid", () =>
      updateProposal(
        db,
        signedInAs(submitted.speaker.id),
        submitted.id,
        titleOnly({ title: submitted.title, level: "ADVANCED", sessionTypeId: submitted.sessionTypeId }),
      ),
    );
    expect(error.fields).toEqual({ abstract: MISSING.abstract });
  });

  it("checks the stored row on every submission, whatever path submits it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const draft = await createProposal(db, signedInAs(speaker.id), event.id, titleOnly());
    const error = await expectDenied(db, "invalid", () => transitionProposal(db, signedInAs(speaker.id), draft.id, "submit"));
    expect(error.fields).toEqual(MISSING);
  });

  it("refuses a session type of another event next to the field", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const speaker = await createUser(db);
    const error = await expectDenied(db, "invalid", () =>
      createProposal(db, signedInAs(speaker.id), event.id, titleOnly({ sessionTypeId: other.sessionTypes[0].id })),
    );
    expect(error.fields).toEqual({ sessionTypeId: "Choose a session type of this event." });
  });
});
