import { SIGNOFF, type EventMessage } from "./shared";

export const cospeakerInvitation: EventMessage = {
  label: "Co-speaker invitation",
  placeholders: ["inviter_name", "talk_title", "event_name", "invite_url"],
  wording: {
    subject: "{inviter_name} invites you to co-present at {event_name}",
    body:
      '{inviter_name} invites you to co-present "{talk_title}" at {event_name}.\n\nAccept or decline here (sign in with this email address):\n{invite_url}' +
      SIGNOFF,
  },
};
