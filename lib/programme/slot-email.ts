import type { DbTx } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { templateFor } from "@/lib/email/event-templates/load";
import { renderTemplate } from "@/lib/email/event-templates/render";
import { enqueueEmail } from "@/lib/email/outbox";
import { speakerValues } from "@/lib/lifecycle/notify";
import type { SlotChange } from "./diff";
import { programmeCalendar } from "./exports/ical";
import { formatSlot } from "./format";
import type { ProgrammeSnapshot } from "./snapshot";

/**
 * Queues, in the release's transaction, one "schedule-slot" email per speaker
 * (co-speakers included) of each talk that the release adds or moves, in the
 * event's wording, with the slot as an .ics attachment.
 */
export async function notifyMovedSpeakers(
  tx: DbTx,
  r: { eventId: string; actorId: string; snapshot: ProgrammeSnapshot; changes: readonly SlotChange[]; publishedAt: Date; appUrl: string },
) {
  const placed = r.changes.flatMap((c) => ((c.kind === "added" || c.kind === "moved") && c.after.proposalId ? [c.after] : []));
  if (placed.length === 0) return;
  const event = await tx.event.findUniqueOrThrow({ where: { id: r.eventId }, select: { name: true, holdOutbox: true } });
  const template = await templateFor(tx, r.eventId, "schedule-slot");
  const speakers = await tx.proposalSpeaker.findMany({
    where: { proposalId: { in: placed.map((i) => i.proposalId!) } },
    orderBy: { id: "asc" },
    select: { proposalId: true, user: { select: { id: true, name: true, email: true } } },
  });
  const s = r.snapshot;
  for (const item of placed) {
    const room = s.rooms.find((x) => x.guid === item.roomGuid)?.name ?? "";
    const ics = programmeCalendar(s, [item], { appUrl: r.appUrl, publishedAt: r.publishedAt, name: item.title });
    for (const { user } of speakers.filter((x) => x.proposalId === item.proposalId)) {
      const values = {
        ...speakerValues({
          speakerName: user.name || user.email,
          title: item.title,
          eventName: event.name,
          proposalId: item.proposalId!,
          deadline: null,
          timeZone: s.event.timeZone,
        }),
        slot: formatSlot(new Date(item.start), item.durationMinutes, s.event.timeZone),
        room: `Room: ${room}${s.event.venue ? `, ${s.event.venue}` : ""}`,
        schedule_url: `${r.appUrl}/events/${s.event.slug}/schedule`,
      };
      const mail = renderTemplate(template, values);
      await enqueueEmail(tx, {
        to: user.email,
        kind: "schedule-slot",
        subject: mail.subject,
        text: mail.body,
        eventId: r.eventId,
        proposalId: item.proposalId!,
        hold: event.holdOutbox,
        attachments: [{ filename: "talk.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }],
      });
      await recordActivity(tx, {
        proposalId: item.proposalId!,
        actorId: r.actorId,
        kind: "email",
        data: { to: user.email, kind: "schedule-slot", subject: mail.subject, held: event.holdOutbox },
      });
    }
  }
}
