import { CONFIRM_PLACEHOLDERS, SIGNOFF, type EventMessage } from "./shared";

export const accepted: EventMessage = {
  label: "Accepted",
  placeholders: CONFIRM_PLACEHOLDERS,
  wording: {
    subject: "Accepted: {talk_title} at {event_name}",
    body:
      'Hi {speaker_name},\n\nGreat news: "{talk_title}" is accepted for {event_name}!\n\nPlease confirm that you will give it, or let us know that you cannot, by {deadline}:\n{confirm_url}\n\nYour proposal: {proposal_url}' +
      SIGNOFF,
  },
};
