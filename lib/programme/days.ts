import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/events/time-zone";

// Conference days are calendar dates in the event's time zone.

/** "YYYY-MM-DD" for each day from first to last, inclusive. */
export function conferenceDays(startsOn: string | null, endsOn: string | null): string[] {
  if (!startsOn || !endsOn) return [];
  const days: string[] = [];
  for (let t = Date.parse(`${startsOn}T00:00:00Z`); t <= Date.parse(`${endsOn}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The day ("YYYY-MM-DD") an instant falls on in the zone. */
export function localDay(at: Date, timeZone: string): string {
  return utcToZonedLocal(at, timeZone).slice(0, 10);
}

/** "HH:mm" of an instant in the zone. */
export function localTime(at: Date, timeZone: string): string {
  return utcToZonedLocal(at, timeZone).slice(11, 16);
}

/** The instant a local day starts (midnight in the zone). */
export function dayStart(day: string, timeZone: string): Date {
  return zonedLocalToUtc(`${day}T00:00`, timeZone)!;
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
