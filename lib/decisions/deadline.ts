import { conflict } from "@/lib/errors";
import { formatInZone } from "@/lib/events/time-zone";

/** Accepted speakers confirm until the event's confirmation deadline (declining stays possible: it frees the slot). */
export function assertBeforeConfirmationDeadline(event: { confirmationDeadline: Date | null; timeZone: string }, now = new Date()) {
  if (event.confirmationDeadline && now > event.confirmationDeadline) {
    throw conflict(
      `The confirmation deadline passed on ${formatInZone(event.confirmationDeadline, event.timeZone)}. Please contact the organizers.`,
    );
  }
}
