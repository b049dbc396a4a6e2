// Links that act for someone (confirm or decline a talk, accept a co-speaker
// invitation) reach only the body of that person's own message: never a
// subject, never what organizers read. Regressions for issue 10, findings 5
// (a {confirm_url} in a template's subject let organizers answer for the
// speaker) and 10 (the outbox showed drafts' co-speaker invitations with a
// working link).
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { proposalActivity } from "@/lib/activity/log";
import { inviteCoSpeaker } from "@/lib/cospeakers/invite";
import { hashInvitationToken } from "@/lib/cospeakers/token";
import { publishDecisions } from "@/lib/lifecycle/decide";
import { sendConfirmationReminders } from "@/lib/decisions/confirmations";
import { readResponseToken } from "@/lib/lifecycle/response-token";
import { TEMPLATE_KINDS } from "@/lib/email/event-templates/kinds";
import { previewTemplate } from "@/lib/lifecycle/template-preview";
import { saveTemplate } from "@/lib/email/event-templates/save";
import { templateInput } from "@/lib/email/event-templates/schemas";
import { listOutbox, OUTBOX_TABS, outboxQuery } from "@/lib/email/outbox-admin";
import { getProposalForOrganizer, listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();

const RESPONSE_LINK = /\/respond\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g;
const INVITATION_LINK = /\/invitations\/([A-Za-z0-9_-]{20,})/g;

/** Every working token in the raw outbox (subjects and bodies), checked to be live. */
async function liveTokens(db: Db): Promise<string[]> {
  const mail = await db.outboxEmail.findMany({ select: { subject: true, text: true, html: true } });
  const tokens = new Set<string>();
  for (const m of mail) {
    const all = `${m.subject}\n${m.text}\n${m.html}`;
    for (const [, t] of all.matchAll(RESPONSE_LINK)) if (readResponseToken(t).ok) tokens.add(t);
    for (const [, t] of all.matchAll(INVITATION_LINK)) {
      if (await db.coSpeakerInvitation.count({ where: { tokenHash: hashInvitationToken(t) } })) tokens.add(t);
    }
  }
  return [...tokens];
}

describe("template subjects refuse personal links", () => {
  it.each([
    ["accepted", "Confirm here: {confirm_url}"],
    ["confirmation-reminder", "{talk_title}: {confirm_url}"],
    ["cospeaker-invitation", "Join us: {invite_url}"],
  ] as const)("%s with %s in the subject: an error next to the subject, nothing saved", async (kind, subject) => {
    const db = getDb();
    const event = await createEvent(db);
    const error = await expectDomainError(
      saveTemplate(db, signedInAs(event.organizer.id), event.id, kind, { subject, body: "Hi" }),
      "invalid",
    );
    expect(error.fields?.subject).toMatch(/personal link.*body, not the subject/);
    expect(await db.emailTemplate.count()).toBe(0);
    // The form's schema says the same before the domain is reached.
    const parsed = templateInput.safeParse({ subject, body: "Hi" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["subject"]);
  });

  it("still accepts them in the body", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await saveTemplate(db, signedInAs(event.organizer.id), event.id, "accepted", {
      subject: "Accepted: {talk_title}",
      body: "Answer here: {confirm_url}",
    });
    expect(await db.emailTemplate.count()).toBe(1);
  });
});

describe("what organizers read never holds a working link", () => {
  async function scene(db: Db) {
    const event = await createEvent(db);
    const speaker = await createUser(db, { name: "Sienna Linkholder", email: "sienna@example.com" });
    // A template saved before subjects refused links (finding 5's way in).
    await db.emailTemplate.create({
      data: { eventId: event.id, kind: "accepted", subject: "Confirm now: {confirm_url}", body: "Answer here: {confirm_url}" },
    });
    const accepted = await createProposal(db, { event, speaker, title: "Answered For Me", pendingDecision: "ACCEPTED" });
    const draft = await createProposal(db, { event, speaker, status: "draft", title: "Secret Draft Idea" });
    const submitted = await createProposal(db, { event, speaker, title: "Open Submission" });
    await inviteCoSpeaker(db, signedInAs(speaker.id), draft.id, "draft.invitee@example.net");
    await inviteCoSpeaker(db, signedInAs(speaker.id), submitted.id, "open.invitee@example.net");
    await publishDecisions(db, signedInAs(event.organizer.id), event.id);
    await sendConfirmationReminders(db, signedInAs(event.organizer.id), event.id);
    return { event, speaker, accepted, draft, submitted };
  }

  it("the speaker's own message keeps its working link, in the body only", async () => {
    const db = getDb();
    const { speaker } = await scene(db);
    const mail = await db.outboxEmail.findMany({ where: { to: speaker.email, kind: { in: ["accepted", "confirmation-reminder"] } } });
    expect(mail).toHaveLength(2);
    for (const m of mail) {
      expect(m.subject).not.toMatch(/\/respond\//);
      const [link] = [...m.text.matchAll(RESPONSE_LINK)];
      expect(readResponseToken(link[1]).ok).toBe(true);
    }
  });

  it("the outbox shows neither a draft's co-speaker invitation nor any link, in subjects or bodies", async () => {
    const db = getDb();
    const { event } = await scene(db);
    const outbox = await listOutbox(db, signedInAs(event.organizer.id), event.id, outboxQuery.parse({}));
    const shown = JSON.stringify(outbox);
    expect(shown).not.toContain("Secret Draft Idea");
    expect(shown).not.toContain("draft.invitee@example.net");
    // The submitted proposal's invitation is listed, its link redacted.
    expect(shown).toContain("open.invitee@example.net");
    expect(shown).toContain("/invitations/[the invitee's personal link]");
    expect(shown).not.toMatch(RESPONSE_LINK);
    expect(outbox.counts.all).toBe(outbox.rows.length);
  });

  it("no organizer page's data holds any live token (outbox tabs, lists, proposal pages, activity, previews)", async () => {
    const db = getDb();
    const { event, accepted, submitted } = await scene(db);
    const tokens = await liveTokens(db);
    // The acceptance and the reminder carry the same signed link (same claim); two invitations.
    expect(tokens.length).toBe(3);

    const organizer = event.organizer.id;
    const pages: unknown[] = [];
    for (const status of OUTBOX_TABS) pages.push(await listOutbox(db, signedInAs(organizer), event.id, outboxQuery.parse({ status })));
    pages.push(await listEventProposals(db, signedInAs(organizer), event.id, listQuery.parse({})));
    for (const p of [accepted, submitted]) {
      pages.push(await getProposalForOrganizer(db, signedInAs(organizer), event.id, p.id));
      pages.push(await proposalActivity(db, signedInAs(organizer), event.id, p.id));
    }
    for (const kind of TEMPLATE_KINDS)
      pages.push(await previewTemplate(db, signedInAs(organizer), event.id, kind, { proposalId: accepted.id }));
    const everything = JSON.stringify(pages);
    expect(tokens.filter((t) => everything.includes(t))).toEqual([]);
    // The crawl read what it should have: the activity log names the emails.
    expect(everything).toContain("Confirm now: ");
  });
});
