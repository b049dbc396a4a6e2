// The messages an event sends about proposals. Each kind's label, placeholders
// and default wording live in its own file in lib/email/messages/.

import { accepted } from "../messages/accepted";
import { confirmationReminder } from "../messages/confirmation-reminder";
import { cospeakerInvitation } from "../messages/cospeaker-invitation";
import { promoted } from "../messages/promoted";
import { rejected } from "../messages/rejected";
import { reviewAssignment } from "../messages/review-assignment";
import { scheduleSlot } from "../messages/schedule-slot";
import type { EventMessage, Template } from "../messages/shared";
import { submissionReceived } from "../messages/submission-received";
import { waitlisted } from "../messages/waitlisted";

export type { Template };

export const TEMPLATE_KINDS = [
  "submission-received",
  "accepted",
  "waitlisted",
  "rejected",
  "promoted",
  "confirmation-reminder",
  "cospeaker-invitation",
  "review-assignment",
  "schedule-slot",
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

const MESSAGES: Record<TemplateKind, EventMessage> = {
  "submission-received": submissionReceived,
  accepted,
  waitlisted,
  rejected,
  promoted,
  "confirmation-reminder": confirmationReminder,
  "cospeaker-invitation": cospeakerInvitation,
  "review-assignment": reviewAssignment,
  "schedule-slot": scheduleSlot,
};

function byKind<T>(pick: (m: EventMessage) => T): Record<TemplateKind, T> {
  return Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, pick(MESSAGES[kind])])) as Record<TemplateKind, T>;
}

/**
 * Placeholders that fill in a link acting for its recipient (confirm or
 * decline a talk, join a proposal). Allowed in the body only: subjects are
 * shown to organizers in the outbox and the activity log.
 */
export const SECRET_PLACEHOLDERS: readonly string[] = ["confirm_url", "invite_url"];

/** The message next to a subject that uses a personal link, or null when it uses none. */
export function secretSubjectMessage(subject: string): string | null {
  const used = SECRET_PLACEHOLDERS.filter((k) => subject.includes(`{${k}}`)).map((k) => `{${k}}`);
  if (used.length === 0) return null;
  const one = used.length === 1;
  return `${used.join(", ")} ${one ? "is a personal link" : "are personal links"} that only the recipient may see: put ${one ? "it" : "them"} in the body, not the subject.`;
}

export const PLACEHOLDERS: Record<TemplateKind, readonly string[]> = byKind((m) => m.placeholders);
export const TEMPLATE_LABELS: Record<TemplateKind, string> = byKind((m) => m.label);
export const DEFAULT_TEMPLATES: Record<TemplateKind, Template> = byKind((m) => m.wording);
