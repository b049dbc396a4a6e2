export { formatInZone } from "@/lib/events/time-zone";

// Building a formatter costs ≈60 µs and lists format a date per row: one per zone, built once.
const days = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of `d` in `timeZone` ("1 Mar 2027"): an event's dates are
 * shown in the event's zone, as its detail pages show them, so a proposal
 * submitted at 00:41 in Paris is not listed on the day before. A date that
 * belongs to no event is shown in UTC, and says so ("1 Mar 2027 (UTC)").
 */
export function formatDate(d: Date | null | undefined, timeZone: string | null): string {
  if (!d) return "—";
  const zone = timeZone ?? "UTC";
  let f = days.get(zone);
  if (!f) days.set(zone, (f = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: zone })));
  return timeZone ? f.format(d) : `${f.format(d)} (UTC)`;
}
