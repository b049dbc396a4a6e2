import { SIGNOFF, SPEAKER_PLACEHOLDERS, type EventMessage } from "./shared";

/** Sent when a release gives a speaker's talk a slot or moves it; the slot comes attached as an .ics file. */
export const scheduleSlot: EventMessage = {
  label: "Talk scheduled or moved",
  placeholders: [...SPEAKER_PLACEHOLDERS, "slot", "room", "schedule_url"],
  wording: {
    subject: "Your slot at {event_name}: {talk_title}",
    body:
      'Hi {speaker_name},\n\n"{talk_title}" is in the programme of {event_name}:\n\n{slot}\n{room}\n\nThe attached calendar file holds the slot. The whole programme: {schedule_url}' +
      SIGNOFF,
  },
};
