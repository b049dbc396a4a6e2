import { CONFIRM_PLACEHOLDERS, SIGNOFF, type EventMessage } from "./shared";

export const promoted: EventMessage = {
  label: "Promoted from the waitlist",
  placeholders: CONFIRM_PLACEHOLDERS,
  wording: {
    subject: "A slot opened: {talk_title} at {event_name}",
    body:
      'Hi {speaker_name},\n\nA slot opened at {event_name} and "{talk_title}" moves from the waitlist into the programme!\n\nPlease confirm that you will give it, or let us know that you cannot, by {deadline}:\n{confirm_url}' +
      SIGNOFF,
  },
};
