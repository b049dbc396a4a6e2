import { SIGNOFF, SPEAKER_PLACEHOLDERS, type EventMessage } from "./shared";

export const submissionReceived: EventMessage = {
  label: "Submission received",
  placeholders: SPEAKER_PLACEHOLDERS,
  wording: {
    subject: "Proposal received: {talk_title}",
    body:
      'Hi {speaker_name},\n\nThanks for submitting "{talk_title}" to {event_name}. You can edit it until the call for papers closes:\n{proposal_url}' +
      SIGNOFF,
  },
};
