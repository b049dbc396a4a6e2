export { formatInZone } from "@/lib/events/time-zone";

// Built once: building a formatter costs ≈60 µs, and lists format a date per row.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDate(d: Date | null | undefined): string {
  if (!d) return "—";
  return DAY.format(d);
}
