import type { DbTx } from "@/lib/db";
import { appUrl } from "@/lib/config";
import { templateFor } from "@/lib/email/event-templates/load";
import { renderTemplate } from "@/lib/email/event-templates/render";
import { enqueueEmail } from "@/lib/email/outbox";
import { consumeCoSpeakerInvitation } from "@/lib/rate-limit/invitations";
import { invitationPath } from "./token";

type InvitationEmail = {
  to: string;
  token: string;
  inviterId: string;
  proposal: { id: string; title: string; event: { id: string; name: string } };
};

/**
 * Queues the invitation in the caller's transaction, in the event's wording,
 * and counts it against the invitation limits (over one, it throws and the
 * caller's transaction rolls back). The raw token exists only here and in the
 * link; the row keeps its hash. When the event holds email, the message waits
 * for an organizer like every other (ADR 0012). Returns whether it is held.
 */
export async function queueInvitationEmail(tx: DbTx, mail: InvitationEmail, now: Date): Promise<{ held: boolean }> {
  await consumeCoSpeakerInvitation(tx, { userId: mail.inviterId, proposalId: mail.proposal.id, eventId: mail.proposal.event.id }, now);
  const { holdOutbox } = await tx.event.findUniqueOrThrow({ where: { id: mail.proposal.event.id }, select: { holdOutbox: true } });
  // A held earlier email to this address carries a link that no longer works.
  if (holdOutbox) await dropHeldInvitationEmails(tx, mail.proposal.id, mail.to);
  const inviter = await tx.user.findUniqueOrThrow({ where: { id: mail.inviterId }, select: { name: true, email: true } });
  const template = await templateFor(tx, mail.proposal.event.id, "cospeaker-invitation");
  const { subject, body } = renderTemplate(template, {
    inviter_name: inviter.name || inviter.email,
    talk_title: mail.proposal.title,
    event_name: mail.proposal.event.name,
    invite_url: `${appUrl()}${invitationPath(mail.token)}`,
  });
  await enqueueEmail(tx, {
    to: mail.to,
    kind: "cospeaker-invitation",
    subject,
    text: body,
    eventId: mail.proposal.event.id,
    proposalId: mail.proposal.id,
    hold: holdOutbox,
  });
  return { held: holdOutbox };
}

/** Deletes invitation emails to `to` for the proposal that still wait for release: their link is stale. */
export async function dropHeldInvitationEmails(tx: DbTx, proposalId: string, to: string) {
  await tx.outboxEmail.deleteMany({ where: { proposalId, to, kind: "cospeaker-invitation", status: "HELD" } });
}
