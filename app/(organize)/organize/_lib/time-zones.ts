import { canonicalTimeZones } from "@/lib/events/time-zone";

/** Every time zone by its current IANA name, plus the event's current value, for the event form's select. */
export function timeZoneOptions(current?: string): string[] {
  const zones = canonicalTimeZones();
  return current && !zones.includes(current) ? [...zones, current] : zones;
}
