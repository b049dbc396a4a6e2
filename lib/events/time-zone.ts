// Converting between an event's wall-clock time ("2027-03-01T18:00" in
// Europe/Paris) and UTC instants, with Intl only.

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Building an Intl.DateTimeFormat costs ≈60 µs, formatting with one ≈1 µs: pages format
// dates per row, so each formatter is built once per (kind, zone). An invalid zone throws
// before anything is stored, so the maps hold real zones only (a few hundred at most).
const partsFormats = new Map<string, Intl.DateTimeFormat>();
const displayFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let f = cache.get(timeZone);
  if (!f) cache.set(timeZone, (f = make()));
  return f;
}

function partsInZone(date: Date, timeZone: string) {
  const f = cached(
    partsFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
  );
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
}

/** Offset of the zone from UTC at that instant, in minutes. */
export function offsetMinutes(date: Date, timeZone: string): number {
  const p = partsInZone(date, timeZone);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** "YYYY-MM-DDTHH:mm" in the zone → the UTC instant. Null if malformed. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Two passes settle the offset across a DST change.
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

/** The UTC instant → "YYYY-MM-DDTHH:mm" in the zone, for datetime-local inputs. */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  const p = partsInZone(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`;
}

/** "1 Mar 2027, 18:00": the wall-clock time in the zone, unlabelled. */
export function formatClock(date: Date, timeZone: string): string {
  return cached(
    displayFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }),
  ).format(date);
}

/** For display: "1 Mar 2027, 18:00 (Europe/Paris)". */
export function formatInZone(date: Date, timeZone: string): string {
  return `${formatClock(date, timeZone)} (${timeZone})`;
}

/**
 * ICU, and so Intl.supportedValuesOf("timeZone"), still lists some zones by their old names (CLDR keeps
 * them as canonical); the IANA database renamed them long ago. Both work for formatting; people look for
 * the current name. Old → current, for the names Node's ICU lists.
 */
const RENAMED: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** A zone's current IANA name ("Asia/Calcutta" → "Asia/Kolkata"); other names unchanged. */
export const currentZoneName = (zone: string): string => RENAMED[zone] ?? zone;

/** Every zone by its current name, UTC first, then alphabetical: what a time zone picker offers. */
export function canonicalTimeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone").map(currentZoneName));
  zones.delete("UTC");
  return ["UTC", ...[...zones].sort()];
}
