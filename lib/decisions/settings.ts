import type { Db } from "@/lib/db";
import { requireEventCapability } from "@/lib/events/access";
import { zonedLocalToUtc } from "@/lib/events/time-zone";
import { invalid } from "@/lib/errors";
import type { DecisionSettingsInput } from "./schemas";

/** The confirmation deadline (in the event's time zone), automatic waitlist promotion, and holding email for review. */
export async function updateDecisionSettings(db: Db, actorId: string | null | undefined, eventId: string, input: DecisionSettingsInput) {
  await requireEventCapability(db, actorId, eventId, "proposal:decide");
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true } });
  const deadline = input.confirmationDeadline ? zonedLocalToUtc(input.confirmationDeadline, event.timeZone) : null;
  if (input.confirmationDeadline && !deadline) {
    throw invalid("Please correct the highlighted fields.", { confirmationDeadline: "That time does not exist in the event's time zone." });
  }
  await db.event.update({
    where: { id: eventId },
    data: { confirmationDeadline: deadline, autoPromoteWaitlist: input.autoPromoteWaitlist, holdOutbox: input.holdOutbox },
  });
}
