import { addMinutes, localDay } from "./days";

// What the schedule editor warns about. Pure: computed from the working
// schedule on every load of the editor and before every release, so nothing
// wrong is ever silent. Warnings do not block: organizers decide.

export type PlannedTalk = {
  proposalId: string;
  title: string;
  status: string;
  sessionTypeMinutes: number | null;
  speakers: readonly { userId: string; name: string }[];
};

export type PlannedItem = {
  id: string;
  roomId: string;
  roomName: string;
  startsAt: Date;
  durationMinutes: number;
  /** A break or other block's title; a talk's title is talk.title. */
  title: string;
  talk: PlannedTalk | null;
};

export type WarningKind = "room-overlap" | "speaker-clash" | "outside-days" | "duration" | "left-programme" | "unconfirmed";

export type ScheduleWarning = { kind: WarningKind; itemIds: string[]; message: string };

export type WarningContext = { timeZone: string; days: readonly string[] };

const end = (i: PlannedItem) => addMinutes(i.startsAt, i.durationMinutes);
const overlaps = (a: PlannedItem, b: PlannedItem) => a.startsAt < end(b) && b.startsAt < end(a);
export const itemTitle = (i: PlannedItem) => i.talk?.title ?? i.title;

export function scheduleWarnings(items: readonly PlannedItem[], ctx: WarningContext): ScheduleWarning[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  return [...pairWarnings(sorted), ...sorted.flatMap((i) => itemWarnings(i, ctx))];
}

function pairWarnings(sorted: readonly PlannedItem[]): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    // Sorted by start: once b starts after a ends, no later item overlaps a.
    for (let j = i + 1; j < sorted.length && sorted[j].startsAt < end(a); j++) {
      const b = sorted[j];
      if (!overlaps(a, b)) continue;
      if (a.roomId === b.roomId) {
        out.push({
          kind: "room-overlap",
          itemIds: [a.id, b.id],
          message: `"${itemTitle(a)}" and "${itemTitle(b)}" overlap in ${a.roomName}.`,
        });
      }
      const shared = (a.talk?.speakers ?? []).filter((s) => b.talk?.speakers.some((t) => t.userId === s.userId));
      for (const s of shared) {
        out.push({
          kind: "speaker-clash",
          itemIds: [a.id, b.id],
          message: `${s.name} speaks in "${itemTitle(a)}" (${a.roomName}) and "${itemTitle(b)}" (${b.roomName}) at the same time.`,
        });
      }
    }
  }
  return out;
}

function itemWarnings(i: PlannedItem, ctx: WarningContext): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  const one = (kind: WarningKind, message: string) => out.push({ kind, itemIds: [i.id], message });
  const lastMinute = addMinutes(end(i), -1);
  if (ctx.days.length === 0) {
    one("outside-days", `"${itemTitle(i)}" is placed, but the conference days are not set.`);
  } else if (!ctx.days.includes(localDay(i.startsAt, ctx.timeZone)) || !ctx.days.includes(localDay(lastMinute, ctx.timeZone))) {
    one("outside-days", `"${itemTitle(i)}" is outside the conference days (${ctx.days[0]} to ${ctx.days[ctx.days.length - 1]}).`);
  }
  if (!i.talk) return out;
  if (i.talk.sessionTypeMinutes !== null && i.durationMinutes !== i.talk.sessionTypeMinutes) {
    one("duration", `"${i.talk.title}" lasts ${i.durationMinutes} minutes; its session type lasts ${i.talk.sessionTypeMinutes}.`);
  }
  if (i.talk.status === "ACCEPTED") {
    one("unconfirmed", `"${i.talk.title}" is accepted but not confirmed yet: it is left out of releases until confirmed.`);
  } else if (i.talk.status !== "CONFIRMED") {
    one("left-programme", `"${i.talk.title}" is ${i.talk.status.toLowerCase()}: remove it from the schedule (it is left out of releases).`);
  }
  return out;
}
