import { CONFIRM_PLACEHOLDERS, SIGNOFF, type EventMessage } from "./shared";

export const confirmationReminder: EventMessage = {
  label: "Confirmation reminder",
  placeholders: CONFIRM_PLACEHOLDERS,
  wording: {
    subject: "Reminder: please confirm {talk_title}",
    body:
      'Hi {speaker_name},\n\nWe have not heard from you yet about "{talk_title}" at {event_name}. Please confirm or decline by {deadline}:\n{confirm_url}' +
      SIGNOFF,
  },
};
