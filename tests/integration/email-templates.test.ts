import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import type { Db } from "@/lib/db/client";
import { addReviewer, createEvent, createOutsider, createProposal, createUser, type EventFixture } from "@/tests/factories";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { queueSpeakerEmails } from "@/lib/lifecycle/notify";
import { readResponseToken } from "@/lib/lifecycle/response-token";
import { DEFAULT_TEMPLATES, type TemplateKind } from "@/lib/email/event-templates/kinds";
import { EXAMPLE_LINK, previewChoices, previewTemplate } from "@/lib/lifecycle/template-preview";
import { eventTemplates, templateForEditor } from "@/lib/email/event-templates/queries";
import { resetTemplate, saveTemplate } from "@/lib/email/event-templates/save";
import { templateInput } from "@/lib/email/event-templates/schemas";
import { textToHtml } from "@/lib/email/outbox";
import { expectDenied, snapshot, type ErrorCode } from "./helpers";

const getDb = useTestDb();

const CUSTOM = templateInput.parse({
  subject: "Welcome aboard, {speaker_name}: {talk_title}",
  body: "Dear {speaker_name},\n\n{talk_title} is in the {event_name} programme. Confirm by {deadline}: {confirm_url}\n\nSee you soon!",
});

/** Who may not touch an event's templates, and what they are told. */
async function outsiders(db: Db, event: EventFixture): Promise<{ who: string; actorId: string | null; code: ErrorCode }[]> {
  const proposal = await createProposal(db, { event });
  return [
    { who: "a reviewer of the event", actorId: (await addReviewer(db, event)).id, code: "forbidden" },
    { who: "a speaker of the event", ...(await createOutsider(db, "speaker", event, proposal)) },
    { who: "an organizer of another event", ...(await createOutsider(db, "organizer of another event", event, proposal)) },
    { who: "someone signed out", ...(await createOutsider(db, "anonymous", event, proposal)) },
  ];
}

describe("saveTemplate and resetTemplate", () => {
  it("saves the event's own wording, updates it, and resets it to the default", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer = event.organizer.id;

    expect(await saveTemplate(db, signedInAs(organizer), event.id, "accepted", CUSTOM)).toEqual({ customized: true });
    expect(await db.emailTemplate.findMany({ select: { eventId: true, kind: true, subject: true, body: true } })).toEqual([
      { eventId: event.id, kind: "accepted", ...CUSTOM },
    ]);

    await saveTemplate(db, signedInAs(organizer), event.id, "accepted", { ...CUSTOM, subject: "Accepted: {talk_title}" });
    expect(await db.emailTemplate.count()).toBe(1);
    expect(await templateForEditor(db, signedInAs(organizer), event.id, "accepted")).toMatchObject({
      subject: "Accepted: {talk_title}",
      customized: true,
    });

    expect(await resetTemplate(db, signedInAs(organizer), event.id, "accepted")).toEqual({ reset: true });
    expect(await db.emailTemplate.count()).toBe(0);
    expect(await templateForEditor(db, signedInAs(organizer), event.id, "accepted")).toMatchObject({
      ...DEFAULT_TEMPLATES.accepted,
      customized: false,
    });
    expect(await resetTemplate(db, signedInAs(organizer), event.id, "accepted")).toEqual({ reset: false });
  });

  it("lists every kind as customized or default, for this event only", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "rejected", {
      subject: "Sorry, {speaker_name}",
      body: "{talk_title}",
    });
    await saveTemplate(db, signedInAs(other.organizer.id), other.id, "waitlisted", { subject: "Waitlisted", body: "{talk_title}" });

    const list = await eventTemplates(db, signedInAs(event.organizer.id), event.id);
    expect(list.map((t) => t.kind)).toEqual(Object.keys(DEFAULT_TEMPLATES));
    expect(list.filter((t) => t.customized).map((t) => t.kind)).toEqual(["rejected"]);
  });

  it("saving the default wording unchanged keeps the event on the default", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "waitlisted", CUSTOM_WAITLISTED);
    expect(await saveTemplate(db, signedInAs(event.organizer.id), event.id, "waitlisted", DEFAULT_TEMPLATES.waitlisted)).toEqual({
      customized: false,
    });
    expect(await db.emailTemplate.count()).toBe(0);
  });

  it("refuses unknown placeholders with an error on each field that has one, listing them, and saves nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const error = await expectDenied(db, "invalid", () =>
      saveTemplate(db, signedInAs(event.organizer.id), event.id, "rejected", {
        subject: "About {talk_tittle}",
        body: "Hi {speakername}, {Speaker_Name}, see {confirm_url}",
      }),
    );
    expect(error.fields?.subject).toMatch(
      /^Unknown placeholder: \{talk_tittle\}\. This message can use \{speaker_name\}, \{talk_title\}, \{event_name\}, \{proposal_url\}\.$/,
    );
    expect(error.fields?.body).toMatch(/^Unknown placeholders: \{speakername\}, \{confirm_url\}, \{Speaker_Name\}\./);
  });

  it("refuses a kind that does not exist", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDenied(db, "not_found", () =>
      saveTemplate(db, signedInAs(event.organizer.id), event.id, "newsletter" as TemplateKind, CUSTOM),
    );
    await expectDenied(db, "not_found", () => resetTemplate(db, signedInAs(event.organizer.id), event.id, "newsletter" as TemplateKind));
  });

  it("refuses reviewers, speakers, other events' organizers and anyone signed out, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "accepted", CUSTOM);
    for (const { who, actorId, code } of await outsiders(db, event)) {
      await expectDenied(db, code, () => saveTemplate(db, signedInAs(actorId), event.id, "rejected", CUSTOM_REJECTED)).catch((e) => {
        throw new Error(`save by ${who}: ${e}`);
      });
      await expectDenied(db, code, () => resetTemplate(db, signedInAs(actorId), event.id, "accepted"));
      await expectDenied(db, code, () => previewTemplate(db, signedInAs(actorId), event.id, "accepted"));
      await expectDenied(db, code, () => eventTemplates(db, signedInAs(actorId), event.id));
    }
  });
});

const CUSTOM_WAITLISTED = { subject: "On the list: {talk_title}", body: "Hi {speaker_name}" };
const CUSTOM_REJECTED = { subject: "About {talk_title}", body: "Hi {speaker_name}" };

describe("previewTemplate", () => {
  it("renders the saved wording with the chosen proposal's title and speaker, and an example link that confirms nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db, { name: "Zoë Müller" });
    const chosen = await createProposal(db, { event, speaker, title: "Fearless <Concurrency> & You" });
    await createProposal(db, { event }); // another proposal, not chosen
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "accepted", CUSTOM);
    const before = await snapshot(db);

    const preview = await previewTemplate(db, signedInAs(event.organizer.id), event.id, "accepted", { proposalId: chosen.id });

    expect(preview.proposal).toEqual({ id: chosen.id, title: "Fearless <Concurrency> & You" });
    expect(preview.to).toBe(speaker.email);
    expect(preview.subject).toBe("Welcome aboard, Zoë Müller: Fearless <Concurrency> & You");
    expect(preview.text).toContain(
      `Dear Zoë Müller,\n\nFearless <Concurrency> & You is in the ${event.name} programme. Confirm by as soon as you can:`,
    );
    const link = /https?:\/\/\S+\/respond\/(\S+)/.exec(preview.text);
    expect(link?.[1]).toBe(EXAMPLE_LINK);
    expect(readResponseToken(link![1]).ok).toBe(false);
    expect(preview.html).toBe(textToHtml(preview.text));
    expect(preview.html).toContain("Fearless &lt;Concurrency&gt; &amp; You");
    expect(await snapshot(db)).toEqual(before); // a preview writes nothing
  });

  it("renders a draft without saving it, and refuses a draft with unknown placeholders", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event, title: "Unsafe Rust" });
    const before = await snapshot(db);

    const preview = await previewTemplate(db, signedInAs(event.organizer.id), event.id, "rejected", {
      proposalId: p.id,
      draft: { subject: "News about {talk_title}", body: "Hello" },
    });
    expect(preview.subject).toBe("News about Unsafe Rust");
    expect(await snapshot(db)).toEqual(before);

    const error = await expectDenied(db, "invalid", () =>
      previewTemplate(db, signedInAs(event.organizer.id), event.id, "rejected", {
        proposalId: p.id,
        draft: { subject: "ok", body: "{confirm_url}" },
      }),
    );
    expect(error.fields?.body).toContain("{confirm_url}");
  });

  it("without a chosen proposal, uses the latest submitted one; with none, example values", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const empty = await previewTemplate(db, signedInAs(event.organizer.id), event.id, "waitlisted");
    expect(empty.proposal).toBeNull();
    expect(empty.subject).toBe(`Waitlisted: An example talk title at ${event.name}`);

    const older = await createProposal(db, { event, title: "Older" });
    const newer = await createProposal(db, { event, title: "Newer" });
    await db.proposal.update({ where: { id: older.id }, data: { submittedAt: new Date(Date.now() - 10 * 86_400_000) } });
    await db.proposal.update({ where: { id: newer.id }, data: { submittedAt: new Date() } });
    expect((await previewTemplate(db, signedInAs(event.organizer.id), event.id, "waitlisted")).proposal?.title).toBe("Newer");
  });

  it("offers neither drafts nor proposals the organizer speaks on, nor another event's proposals", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const visible = await createProposal(db, { event, title: "Visible" });
    const draft = await createProposal(db, { event, status: "draft", title: "Draft" });
    const own = await createProposal(db, { event, speaker: event.organizer, title: "Own" });
    const foreign = await createProposal(db, { event: other, title: "Foreign" });

    expect((await previewChoices(db, signedInAs(event.organizer.id), event.id)).map((p) => p.id)).toEqual([visible.id]);
    for (const p of [draft, own, foreign]) {
      await expectDenied(db, "not_found", () =>
        previewTemplate(db, signedInAs(event.organizer.id), event.id, "accepted", { proposalId: p.id }),
      );
    }
  });

  it("shows what queueSpeakerEmails queues for the same speaker, except the personal link", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await db.event.update({ where: { id: event.id }, data: { confirmationDeadline: new Date("2027-03-01T17:00:00Z") } });
    const p = await createProposal(db, { event, status: "accepted", title: `Quotes "and" <tags>` });
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "confirmation-reminder", {
      subject: "{talk_title}: please answer by {deadline}",
      body: "{speaker_name}, {event_name} needs an answer: {confirm_url}\n{proposal_url}",
    });

    await db.$transaction((tx) => queueSpeakerEmails(tx, { proposalId: p.id, kind: "confirmation-reminder", actorId: event.organizer.id }));
    const sent = await db.outboxEmail.findFirstOrThrow();
    const preview = await previewTemplate(db, signedInAs(event.organizer.id), event.id, "confirmation-reminder", { proposalId: p.id });

    const withoutLink = (s: string) => s.replace(/\/respond\/\S+/g, "/respond/LINK");
    expect(preview.to).toBe(sent.to);
    expect(preview.subject).toBe(sent.subject);
    expect(withoutLink(preview.text)).toBe(withoutLink(sent.text));
    expect(withoutLink(preview.html)).toBe(withoutLink(sent.html));
    expect(sent.text).not.toContain(EXAMPLE_LINK);
  });
});

describe("custom templates in the emails the app sends", () => {
  it("publishing an acceptance uses the event's wording, one message per speaker, escaped in HTML", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const owner = await createUser(db, { name: `Mallory "><img src=x onerror=alert(1)>` });
    const cospeaker = await createUser(db, { name: "Chen Wei" });
    const p = await createProposal(db, {
      event,
      speaker: owner,
      cospeakers: [cospeaker],
      title: "<script>alert(1)</script> {confirm_url}",
    });
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "accepted", CUSTOM);
    await saveTemplate(db, signedInAs(other.organizer.id), other.id, "accepted", { subject: "WRONG EVENT {talk_title}", body: "wrong" });

    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [p.id], "ACCEPTED");
    await publishDecisions(db, signedInAs(event.organizer.id), event.id);

    const messages = await db.outboxEmail.findMany({ orderBy: { to: "asc" } });
    expect(messages.map((m) => m.to).sort()).toEqual([owner.email, cospeaker.email].sort());
    const toOwner = messages.find((m) => m.to === owner.email)!;
    expect(toOwner).toMatchObject({ kind: "accepted", status: "QUEUED", eventId: event.id, proposalId: p.id });
    expect(toOwner.subject).toBe(`Welcome aboard, Mallory "><img src=x onerror=alert(1)>: <script>alert(1)</script> {confirm_url}`);
    expect(toOwner.text).toMatch(
      /^Dear Mallory "><img src=x onerror=alert\(1\)>,\n\n<script>alert\(1\)<\/script> \{confirm_url\} is in the/,
    );
    expect(toOwner.text.match(/\/respond\//g)).toHaveLength(1); // the title's {confirm_url} stayed text
    expect(toOwner.html).not.toMatch(/<script|<img/);
    expect(toOwner.html).toContain("Dear Mallory &quot;&gt;&lt;img src=x onerror=alert(1)&gt;,");
    const toCospeaker = messages.find((m) => m.to === cospeaker.email)!;
    expect(toCospeaker.subject).toMatch(/^Welcome aboard, Chen Wei: /);
  });

  it("after a reset, new messages use the default wording again", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event, title: "Type-State Programming" });
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "rejected", CUSTOM_REJECTED);
    await resetTemplate(db, signedInAs(event.organizer.id), event.id, "rejected");

    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [p.id], "REJECTED");
    await publishDecisions(db, signedInAs(event.organizer.id), event.id);
    expect((await db.outboxEmail.findFirstOrThrow()).subject).toBe(`About your proposal to ${event.name}`);
  });
});
