import type { DbTx } from "@/lib/db";
import { invalid } from "@/lib/errors";

/** Session type and track ids come from the browser: check they belong to this event. */
export async function assertEventReferences(db: DbTx, eventId: string, sessionTypeId: string | null, trackId: string | null) {
  const [sessionType, track] = await Promise.all([
    sessionTypeId ? db.sessionType.findFirst({ where: { id: sessionTypeId, eventId }, select: { id: true } }) : null,
    trackId ? db.track.findFirst({ where: { id: trackId, eventId }, select: { id: true } }) : null,
  ]);
  if (sessionTypeId && !sessionType)
    throw invalid("Choose a session type of this event.", { sessionTypeId: "Choose a session type of this event." });
  if (trackId && !track) throw invalid("Choose a track of this event.", { trackId: "Choose a track of this event." });
}
