import { addMinutes, localDay, localTime } from "./days";
import type { PlannedItem } from "./warnings";

// The schedule editor's grid: per day, rooms by time slots of SLOT_MINUTES.
// Dragging a talk or block onto a cell starts it at that slot (snapped), in
// that room; items sit in the slot their start falls in. Pure.

export const SLOT_MINUTES = 15;
const DAY_FROM = 8 * 60;
const DAY_TO = 19 * 60;

export type GridItem = {
  id: string;
  roomId: string;
  day: string;
  /** The slot ("HH:mm") the start falls in. */
  slot: string;
  range: string;
  title: string;
  proposalId: string | null;
  status: string | null;
  durationMinutes: number;
  editable: boolean;
};
export type GridDay = { day: string; slots: string[] };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const floorSlot = (m: number) => Math.floor(m / SLOT_MINUTES) * SLOT_MINUTES;

export function scheduleGrid(days: readonly string[], items: readonly (PlannedItem & { editable: boolean })[], timeZone: string) {
  const gridItems: GridItem[] = items.map((i) => {
    const start = localTime(i.startsAt, timeZone);
    return {
      id: i.id,
      roomId: i.roomId,
      day: localDay(i.startsAt, timeZone),
      slot: hhmm(floorSlot(minutesOf(start))),
      range: `${start}–${localTime(addMinutes(i.startsAt, i.durationMinutes), timeZone)}`,
      title: i.talk?.title ?? i.title,
      proposalId: i.talk?.proposalId ?? null,
      status: i.talk?.status ?? null,
      durationMinutes: i.durationMinutes,
      editable: i.editable,
    };
  });
  const allDays = [...new Set([...days, ...gridItems.map((i) => i.day)])].sort();
  const gridDays: GridDay[] = allDays.map((day) => {
    const onDay = gridItems.filter((i) => i.day === day);
    const from = Math.min(DAY_FROM, ...onDay.map((i) => minutesOf(i.slot)));
    // An item's end, within its day: the grid runs to the slot after the last one ends.
    const ends = onDay.map((i) => Math.min(24 * 60, minutesOf(i.slot) + Math.ceil(i.durationMinutes / SLOT_MINUTES) * SLOT_MINUTES));
    const to = Math.max(DAY_TO, ...ends);
    const slots: string[] = [];
    for (let m = from; m < to; m += SLOT_MINUTES) slots.push(hhmm(m));
    return { day, slots };
  });
  return { days: gridDays, items: gridItems };
}
