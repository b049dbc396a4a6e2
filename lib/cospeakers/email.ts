import type { DbTx } from "@/lib/db";
import { appUrl } from "@/lib/config";
import { templateFor } from "@/lib/email/event-templates/load";
import { renderTemplate } from "@/lib/email/event-templates/render";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationPath } from "./token";

type InvitationEmail = {
  to: string;
  token: string;
  inviterId: string;
  proposal: { id: string; title: string; event: { id: string; name: string } };
};

/**
 * Queues the invitation in the caller's transaction, in the event's wording.
 * The raw token exists only here and in the link; the row keeps its hash.
 * Speakers send it, not organizers, so holdOutbox does not apply.
 */
export async function queueInvitationEmail(tx: DbTx, mail: InvitationEmail) {
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
  });
}
