import { TEMPLATE_LABELS, type TemplateKind } from "@/lib/email/event-templates/kinds";

const OTHER_KINDS: Record<string, string> = {
  vacancy: "Slot opened (to organizers)",
  "team-invitation": "Team invitation",
  "sign-in": "Sign-in link",
};

/** A message kind as organizers read it. */
export function kindLabel(kind: string): string {
  return TEMPLATE_LABELS[kind as TemplateKind] ?? OTHER_KINDS[kind] ?? kind;
}

/** What each placeholder becomes, for the template editor. */
export const PLACEHOLDER_HELP: Record<string, string> = {
  speaker_name: "the speaker's name (each speaker of the proposal gets their own message)",
  talk_title: "the proposal's title",
  event_name: "the event's name",
  proposal_url: "the speaker's page for the proposal",
  confirm_url: "the speaker's personal link to confirm or decline, valid until the deadline (body only: subjects are shown to organizers)",
  deadline: "the confirmation deadline in the event's time zone, or “as soon as you can” without one",
  inviter_name: "the name of the speaker who invites",
  invite_url: "the invitation's personal link (body only: subjects are shown to organizers)",
  reviewer_name: "the reviewer's name",
  count: "how many proposals were assigned",
  review_url: "the event's review queue",
};

export const STATUS_LABELS: Record<string, { label: string; badge: string }> = {
  HELD: { label: "Held", badge: "badge-pending" },
  QUEUED: { label: "Queued", badge: "badge-submitted" },
  SENDING: { label: "Sending", badge: "badge-submitted" },
  SENT: { label: "Sent", badge: "badge-accepted" },
  FAILED: { label: "Failed", badge: "badge-rejected" },
};
