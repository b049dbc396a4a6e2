// The messages an event sends about proposals, each with the placeholders it
// may use and the wording used until an organizer writes their own.

export const TEMPLATE_KINDS = [
  "submission-received",
  "accepted",
  "waitlisted",
  "rejected",
  "promoted",
  "confirmation-reminder",
  "cospeaker-invitation",
  "review-assignment",
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

const SPEAKER = ["speaker_name", "talk_title", "event_name", "proposal_url"] as const;
const CONFIRM = [...SPEAKER, "confirm_url", "deadline"] as const;

export const PLACEHOLDERS: Record<TemplateKind, readonly string[]> = {
  "submission-received": SPEAKER,
  accepted: CONFIRM,
  waitlisted: SPEAKER,
  rejected: SPEAKER,
  promoted: CONFIRM,
  "confirmation-reminder": CONFIRM,
  "cospeaker-invitation": ["inviter_name", "talk_title", "event_name", "invite_url"],
  "review-assignment": ["reviewer_name", "event_name", "count", "review_url"],
};

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

export const TEMPLATE_LABELS: Record<TemplateKind, string> = {
  "submission-received": "Submission received",
  accepted: "Accepted",
  waitlisted: "Waitlisted",
  rejected: "Rejected",
  promoted: "Promoted from the waitlist",
  "confirmation-reminder": "Confirmation reminder",
  "cospeaker-invitation": "Co-speaker invitation",
  "review-assignment": "Review assignment",
};

export type Template = { subject: string; body: string };

const SIGNOFF = "\n\nThe {event_name} team";

export const DEFAULT_TEMPLATES: Record<TemplateKind, Template> = {
  "submission-received": {
    subject: "Proposal received: {talk_title}",
    body: 'Hi {speaker_name},\n\nThanks for submitting "{talk_title}" to {event_name}. You can edit it until the call for papers closes:\n{proposal_url}' + SIGNOFF,
  },
  accepted: {
    subject: "Accepted: {talk_title} at {event_name}",
    body:
      'Hi {speaker_name},\n\nGreat news: "{talk_title}" is accepted for {event_name}!\n\nPlease confirm that you will give it, or let us know that you cannot, by {deadline}:\n{confirm_url}\n\nYour proposal: {proposal_url}' +
      SIGNOFF,
  },
  waitlisted: {
    subject: "Waitlisted: {talk_title} at {event_name}",
    body:
      'Hi {speaker_name},\n\n"{talk_title}" is on the waitlist for {event_name}: we liked it, and if a slot opens we will offer it to you. Nothing to do for now.\n\n{proposal_url}' +
      SIGNOFF,
  },
  rejected: {
    subject: "About your proposal to {event_name}",
    body:
      'Hi {speaker_name},\n\nThank you for proposing "{talk_title}". We received many more proposals than we have slots, and this one is not in the programme this time. We hope to see you at {event_name} all the same.\n\n{proposal_url}' +
      SIGNOFF,
  },
  promoted: {
    subject: "A slot opened: {talk_title} at {event_name}",
    body:
      'Hi {speaker_name},\n\nA slot opened at {event_name} and "{talk_title}" moves from the waitlist into the programme!\n\nPlease confirm that you will give it, or let us know that you cannot, by {deadline}:\n{confirm_url}' +
      SIGNOFF,
  },
  "confirmation-reminder": {
    subject: "Reminder: please confirm {talk_title}",
    body: 'Hi {speaker_name},\n\nWe have not heard from you yet about "{talk_title}" at {event_name}. Please confirm or decline by {deadline}:\n{confirm_url}' + SIGNOFF,
  },
  "cospeaker-invitation": {
    subject: "{inviter_name} invites you to co-present at {event_name}",
    body:
      '{inviter_name} invites you to co-present "{talk_title}" at {event_name}.\n\nAccept or decline here (sign in with this email address):\n{invite_url}' + SIGNOFF,
  },
  "review-assignment": {
    subject: "New proposals to review for {event_name} ({count})",
    body:
      "Hi {reviewer_name},\n\nThe {event_name} organizers assigned you {count} new proposal(s). Assigned proposals come first in your review queue:\n{review_url}\n\nIf you have a conflict of interest with one of them, say so on its review page and it leaves your queue." +
      SIGNOFF,
  },
};
