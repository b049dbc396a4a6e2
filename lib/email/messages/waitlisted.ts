import { SIGNOFF, SPEAKER_PLACEHOLDERS, type EventMessage } from "./shared";

export const waitlisted: EventMessage = {
  label: "Waitlisted",
  placeholders: SPEAKER_PLACEHOLDERS,
  wording: {
    subject: "Waitlisted: {talk_title} at {event_name}",
    body:
      'Hi {speaker_name},\n\n"{talk_title}" is on the waitlist for {event_name}: we liked it, and if a slot opens we will offer it to you. Nothing to do for now.\n\n{proposal_url}' +
      SIGNOFF,
  },
};
