import { describe, expect, it } from "vitest";
import { formatDate } from "@/lib/dates";
import {
  canonicalTimeZones,
  currentZoneName,
  formatInZone,
  isValidTimeZone,
  utcToZonedLocal,
  zonedLocalToUtc,
} from "@/lib/events/time-zone";

// The formatters are cached per zone: one zone's formatter must never answer for another.
describe("time zones", () => {
  const instant = new Date("2027-03-01T17:00:00Z");

  it("formats one instant in each zone it is asked for, in any order", () => {
    expect(formatInZone(instant, "Europe/Paris")).toBe("1 Mar 2027, 18:00 (Europe/Paris)");
    expect(formatInZone(instant, "America/New_York")).toBe("1 Mar 2027, 12:00 (America/New_York)");
    expect(formatInZone(instant, "Europe/Paris")).toBe("1 Mar 2027, 18:00 (Europe/Paris)");
    expect(formatInZone(instant, "Asia/Tokyo")).toBe("2 Mar 2027, 02:00 (Asia/Tokyo)");
  });

  it("converts wall-clock times both ways, across a DST change, per zone", () => {
    // Paris moves to summer time on 28 March 2027; New York on 14 March.
    for (const [local, zone, utc] of [
      ["2027-03-27T12:00", "Europe/Paris", "2027-03-27T11:00:00.000Z"],
      ["2027-03-29T12:00", "Europe/Paris", "2027-03-29T10:00:00.000Z"],
      ["2027-03-29T12:00", "America/New_York", "2027-03-29T16:00:00.000Z"],
      ["2027-03-01T12:00", "America/New_York", "2027-03-01T17:00:00.000Z"],
    ] as const) {
      expect(zonedLocalToUtc(local, zone)?.toISOString()).toBe(utc);
      expect(utcToZonedLocal(new Date(utc), zone)).toBe(local);
    }
  });

  it("refuses an unknown zone without remembering it", () => {
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => formatInZone(instant, "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => formatInZone(instant, "Mars/Olympus_Mons")).toThrow(RangeError);
  });

  it("formats an event's dates on the event's calendar day, and says UTC for a date of no event", () => {
    // 00:41 on 2 March in Paris is still 1 March in UTC.
    const justAfterMidnightInParis = new Date("2027-03-01T23:41:00Z");
    expect(formatDate(justAfterMidnightInParis, "Europe/Paris")).toBe("2 Mar 2027");
    expect(formatDate(justAfterMidnightInParis, "America/New_York")).toBe("1 Mar 2027");
    expect(formatDate(justAfterMidnightInParis, null)).toBe("1 Mar 2027 (UTC)");
    expect(formatDate(null, "Europe/Paris")).toBe("—");
    expect(() => formatDate(justAfterMidnightInParis, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("the time zones a picker offers", () => {
  it("lists current IANA names, never the old ones ICU still uses, each once, UTC first", () => {
    const zones = canonicalTimeZones();
    expect(zones[0]).toBe("UTC");
    for (const current of ["Asia/Kolkata", "Europe/Kyiv", "Africa/Asmara", "America/Nuuk", "Asia/Ho_Chi_Minh"])
      expect(zones).toContain(current);
    for (const old of ["Asia/Calcutta", "Europe/Kiev", "Africa/Asmera", "America/Godthab", "Asia/Saigon"]) expect(zones).not.toContain(old);
    expect(new Set(zones).size).toBe(zones.length);
    for (const zone of zones) expect(isValidTimeZone(zone), zone).toBe(true);
    expect(currentZoneName("Europe/Paris")).toBe("Europe/Paris");
  });
});
