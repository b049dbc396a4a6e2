import type { DbTx } from "@/lib/db";
import type { PlannedItem } from "./warnings";

/** The working schedule of an event, every item (the warnings need them all). */
export async function loadPlannedItems(tx: DbTx, eventId: string): Promise<(PlannedItem & { guid: string })[]> {
  const rows = await tx.scheduleItem.findMany({
    where: { eventId },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      guid: true,
      roomId: true,
      startsAt: true,
      durationMinutes: true,
      title: true,
      room: { select: { name: true } },
      proposal: {
        select: {
          id: true,
          title: true,
          status: true,
          sessionType: { select: { durationMinutes: true } },
          speakers: { orderBy: { role: "asc" }, select: { userId: true, user: { select: { name: true, email: true } } } },
        },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    guid: r.guid,
    roomId: r.roomId,
    roomName: r.room.name,
    startsAt: r.startsAt,
    durationMinutes: r.durationMinutes,
    title: r.title,
    talk: r.proposal && {
      proposalId: r.proposal.id,
      title: r.proposal.title,
      status: r.proposal.status,
      sessionTypeMinutes: r.proposal.sessionType?.durationMinutes ?? null,
      speakers: r.proposal.speakers.map((s) => ({ userId: s.userId, name: s.user.name || s.user.email })),
    },
  }));
}
