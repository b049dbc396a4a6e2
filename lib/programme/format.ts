import { addMinutes, localTime } from "./days";

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Saturday 27 March 2027" in the zone. */
export function formatDay(at: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" });
    dayFormats.set(timeZone, f);
  }
  return f.format(at).replace(",", "");
}

/** "Saturday 27 March 2027, 10:00 to 10:30 (Europe/Paris)". */
export function formatSlot(start: Date, durationMinutes: number, timeZone: string): string {
  const end = addMinutes(start, durationMinutes);
  return `${formatDay(start, timeZone)}, ${localTime(start, timeZone)} to ${localTime(end, timeZone)} (${timeZone})`;
}
