import { z } from "zod";
import { id, text } from "@/lib/text/fields";

// The programme's forms: the conference (days, venue, rooms) and the schedule editor.

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date (YYYY-MM-DD).");
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a day and a start time.");
const minutes = (label: string) =>
  z.coerce
    .number({ message: `${label} must be a number of minutes.` })
    .int(`${label} must be whole minutes.`)
    .min(5, `${label} must be at least 5 minutes.`)
    .max(720, `${label} must be at most 720 minutes.`);

export const roomInput = z.object({
  id: z.string().max(64).optional(),
  name: text("Room name", 60, { required: true }),
  capacity: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number({ message: "Capacity must be a number." }).int("Capacity must be a whole number.").min(1).max(100000).optional(),
  ),
});

export const conferenceInput = z
  .object({
    startsOn: localDate,
    endsOn: localDate,
    venue: text("Venue", 200),
    rooms: z
      .array(roomInput)
      .max(40)
      .refine((rooms) => new Set(rooms.map((r) => r.name.toLowerCase())).size === rooms.length, "Room names must be different."),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ["endsOn"], message: "The last day cannot be before the first day." })
  .refine((c) => dayCount(c.startsOn, c.endsOn) <= 14, { path: ["endsOn"], message: "A conference lasts at most 14 days." });
export type ConferenceInput = z.output<typeof conferenceInput>;

function dayCount(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

export const placeTalkInput = z.object({
  proposalId: id,
  roomId: id,
  start: localDateTime,
  /** Empty: the session type's duration. */
  durationMinutes: z.preprocess((v) => (v === "" || v == null ? undefined : v), minutes("Duration").optional()),
});
export type PlaceTalkInput = z.output<typeof placeTalkInput>;

export const addBlockInput = z.object({
  title: text("Title", 100, { required: true }),
  roomId: id,
  start: localDateTime,
  durationMinutes: minutes("Duration"),
});
export type AddBlockInput = z.output<typeof addBlockInput>;

export const moveItemInput = z.object({
  itemId: id,
  roomId: id,
  start: localDateTime,
  durationMinutes: minutes("Duration"),
});
export type MoveItemInput = z.output<typeof moveItemInput>;

export const publishInput = z.object({ note: text("Release note", 2000) });
