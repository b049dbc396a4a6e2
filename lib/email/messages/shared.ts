// What every message file shares. Each kind of email has its own file here
// with its wording; values are inserted as plain text (the outbox escapes HTML).

/** An event's message: subject and body with {placeholders}; organizers may replace the wording per event. */
export type Template = { subject: string; body: string };

/** A message kind an event can reword: its label on the Emails page, its placeholders, its default wording. */
export type EventMessage = { label: string; placeholders: readonly string[]; wording: Template };

export const SIGNOFF = "\n\nThe {event_name} team";
export const SPEAKER_PLACEHOLDERS = ["speaker_name", "talk_title", "event_name", "proposal_url"] as const;
export const CONFIRM_PLACEHOLDERS = [...SPEAKER_PLACEHOLDERS, "confirm_url", "deadline"] as const;
