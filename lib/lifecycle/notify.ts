import type { DbTx } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { appUrl } from "@/lib/config";
import { recordActivity } from "@/lib/activity/record";
import { formatInZone } from "@/lib/events/time-zone";
import { PLACEHOLDERS, type TemplateKind } from "@/lib/email/event-templates/kinds";
import { templateFor } from "@/lib/email/event-templates/load";
import { renderTemplate } from "@/lib/email/event-templates/render";
import { enqueueEmail } from "@/lib/email/outbox";
import { redactSecrets } from "@/lib/text/secret-links";
import { responseDeadline } from "./deadline";
import { makeResponseToken } from "./response-token";

export type SpeakerKind = Extract<
  TemplateKind,
  "submission-received" | "accepted" | "waitlisted" | "rejected" | "promoted" | "confirmation-reminder"
>;

/** Organizer-triggered messages wait in the outbox when the event holds email for review. */
const HOLDABLE: readonly SpeakerKind[] = ["accepted", "waitlisted", "rejected", "promoted", "confirmation-reminder"];
/** Without a deadline, confirmation links still expire. */
const DEFAULT_RESPONSE_DAYS = 60;

/** One speaker's message, as it is queued. */
export type SpeakerEmail = { to: { id: string; name: string | null; email: string }; subject: string; body: string; hold: boolean };

/**
 * Queues one message per speaker of a proposal, in the caller's transaction,
 * in the event's wording, and logs each on the proposal.
 */
export async function queueSpeakerEmails(tx: DbTx, input: { proposalId: string; kind: SpeakerKind; actorId: string | null; now?: Date }) {
  const { eventId, emails } = await renderSpeakerEmails(tx, input);
  for (const mail of emails) {
    await enqueueEmail(tx, {
      to: mail.to.email,
      kind: input.kind,
      subject: mail.subject,
      text: mail.body,
      eventId,
      proposalId: input.proposalId,
      hold: mail.hold,
    });
    await recordActivity(tx, {
      proposalId: input.proposalId,
      actorId: input.actorId,
      kind: "email",
      // Organizers read the log: never a link that acts for the speaker.
      data: { to: mail.to.email, kind: input.kind, subject: redactSecrets(mail.subject), held: mail.hold },
    });
  }
}

/**
 * The messages queueSpeakerEmails writes, one per speaker, without writing
 * them: confirmation previews show these (redacted), so a preview is the email.
 */
export async function renderSpeakerEmails(
  tx: DbTx,
  input: { proposalId: string; kind: SpeakerKind; now?: Date },
): Promise<{ eventId: string; emails: SpeakerEmail[] }> {
  const p = await tx.proposal.findUniqueOrThrow({
    where: { id: input.proposalId },
    select: {
      id: true,
      title: true,
      decidedAt: true,
      event: { select: { id: true, name: true, timeZone: true, holdOutbox: true, confirmationDeadline: true } },
      speakers: { select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  const template = await templateFor(tx, p.event.id, input.kind);
  const needsLink = PLACEHOLDERS[input.kind].includes("confirm_url");
  const now = input.now ?? systemClock.now();
  // The acceptance is being published now (or was, for a reminder: then the event deadline or later applies).
  const deadline = responseDeadline(p.event.confirmationDeadline, p.decidedAt ?? now);
  const expiresAt = deadline ?? new Date(now.getTime() + DEFAULT_RESPONSE_DAYS * 86_400_000);
  const hold = p.event.holdOutbox && HOLDABLE.includes(input.kind);

  const emails = p.speakers.map(({ user }) => {
    const values = speakerValues({
      speakerName: user.name || user.email,
      title: p.title,
      eventName: p.event.name,
      proposalId: p.id,
      deadline,
      timeZone: p.event.timeZone,
    });
    if (needsLink) values.confirm_url = `${appUrl()}/respond/${makeResponseToken({ proposalId: p.id, userId: user.id, expiresAt })}`;
    const mail = renderTemplate(template, values);
    return { to: user, subject: mail.subject, body: mail.body, hold };
  });
  return { eventId: p.event.id, emails };
}

/** The placeholders every speaker message shares (the preview fills them the same way). */
export function speakerValues(v: {
  speakerName: string;
  title: string;
  eventName: string;
  proposalId: string;
  deadline: Date | null;
  timeZone: string;
}): Record<string, string> {
  return {
    speaker_name: v.speakerName,
    talk_title: v.title,
    event_name: v.eventName,
    proposal_url: `${appUrl()}/speaker/proposals/${v.proposalId}`,
    deadline: v.deadline ? formatInZone(v.deadline, v.timeZone) : "as soon as you can",
  };
}
