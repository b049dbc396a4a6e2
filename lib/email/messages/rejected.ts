import { SIGNOFF, SPEAKER_PLACEHOLDERS, type EventMessage } from "./shared";

export const rejected: EventMessage = {
  label: "Rejected",
  placeholders: SPEAKER_PLACEHOLDERS,
  wording: {
    subject: "About your proposal to {event_name}",
    body:
      'Hi {speaker_name},\n\nThank you for proposing "{talk_title}". We received many more proposals than we have slots, and this one is not in the programme this time. We hope to see you at {event_name} all the same.\n\n{proposal_url}' +
      SIGNOFF,
  },
};
