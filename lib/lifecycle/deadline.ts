import { conflict } from "@/lib/errors";
import { systemClock } from "@/lib/clock";
import { formatInZone } from "@/lib/events/time-zone";

/** Every accepted speaker gets at least this long to answer, even when accepted late (e.g. promoted from the waitlist). */
export const MIN_DAYS_TO_ANSWER = 14;
const DAY = 86_400_000;

/**
 * When a speaker must have confirmed: the event's deadline, or two weeks
 * after their acceptance was published if that is later. Null: no deadline.
 */
export function responseDeadline(eventDeadline: Date | null, decidedAt: Date | null): Date | null {
  if (!eventDeadline) return null;
  if (!decidedAt) return eventDeadline;
  const earliest = new Date(decidedAt.getTime() + MIN_DAYS_TO_ANSWER * DAY);
  return earliest > eventDeadline ? earliest : eventDeadline;
}

/** Accepted speakers confirm until their deadline (declining stays possible: it frees the slot). */
export function assertBeforeConfirmationDeadline(
  event: { confirmationDeadline: Date | null; timeZone: string },
  decidedAt: Date | null,
  now = systemClock.now(),
) {
  const deadline = responseDeadline(event.confirmationDeadline, decidedAt);
  if (deadline && now > deadline) {
    throw conflict(`The confirmation deadline passed on ${formatInZone(deadline, event.timeZone)}. Please contact the organizers.`);
  }
}
