import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/events/time-zone";
import { invalid } from "@/lib/errors";
import type { DecisionSettingsInput } from "./schemas";

/** The confirmation deadline (in the event's time zone), automatic waitlist promotion, and holding email for review. */
export async function updateDecisionSettings(db: Db, actor: SignedIn, eventId: string, input: DecisionSettingsInput) {
  await authorizeEvent(db, actor, eventId, "proposal:decide");
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true } });
  const deadline = input.confirmationDeadline ? zonedLocalToUtc(input.confirmationDeadline, event.timeZone) : null;
  // A time skipped by a daylight-saving change converts to another time: refuse it rather than store a surprise.
  const exists = !deadline || utcToZonedLocal(deadline, event.timeZone) === input.confirmationDeadline;
  if (input.confirmationDeadline && (!deadline || !exists)) {
    throw invalid("Please correct the highlighted fields.", { confirmationDeadline: "That time does not exist in the event's time zone." });
  }
  await db.event.update({
    where: { id: eventId },
    data: { confirmationDeadline: deadline, autoPromoteWaitlist: input.autoPromoteWaitlist, holdOutbox: input.holdOutbox },
  });
}
