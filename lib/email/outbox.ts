import type { DbTx } from "@/lib/db";
import { escapeHtml } from "./escape";
import type { TemplateKind } from "./event-templates/kinds";

export type EmailKind = "sign-in" | "team-invitation" | "vacancy" | TemplateKind;

/** A file sent with the message, held as text in the outbox (an .ics calendar file). */
export type Attachment = { filename: string; contentType: string; content: string };

export type OutgoingEmail = {
  to: string;
  subject: string;
  kind: EmailKind;
  /** Plain-text body. The HTML part is derived from it, escaped. */
  text: string;
  /** What the message is about: the organizers' outbox and the proposal's activity log. */
  eventId?: string;
  proposalId?: string;
  /** Kept as HELD until an organizer releases it (events with holdOutbox). */
  hold?: boolean;
  attachments?: readonly Attachment[];
};

/**
 * Writes a message to the outbox. Call it with the transaction that makes the
 * change the message is about: the message exists if and only if the change
 * committed. The delivery loop sends it later (lib/email/delivery-loop.ts).
 */
export async function enqueueEmail(tx: DbTx, email: OutgoingEmail): Promise<{ id: string }> {
  return tx.outboxEmail.create({
    select: { id: true },
    data: {
      to: email.to,
      subject: email.subject,
      kind: email.kind,
      text: email.text,
      html: textToHtml(email.text),
      attachments: JSON.stringify(email.attachments ?? []),
      eventId: email.eventId,
      proposalId: email.proposalId,
      status: email.hold ? "HELD" : "QUEUED",
    },
  });
}

export function textToHtml(text: string): string {
  const linked = escapeHtml(text).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
  return `<div style="font-family:system-ui,sans-serif;line-height:1.5">${linked.replace(/\n/g, "<br>")}</div>`;
}

/** The attachments stored with an outbox message (an empty list for messages without). */
export function parseAttachments(stored: string): Attachment[] {
  const parsed: unknown = JSON.parse(stored || "[]");
  return Array.isArray(parsed) ? (parsed as Attachment[]) : [];
}
