import { describe, expect, it } from "vitest";
import { timeLeft } from "@/lib/events/cfp";

const closes = new Date("2027-04-01T21:59:00Z");
const event = { cfpOpensAt: new Date("2027-01-01T00:00:00Z"), cfpClosesAt: closes };
const before = (ms: number) => new Date(closes.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("the time left before an open CFP closes", () => {
  it("counts down in the last week, rounded down", () => {
    expect(timeLeft(event, before(7 * DAY))).toBe("7 days left");
    expect(timeLeft(event, before(2 * DAY + 5 * HOUR + 59 * MIN))).toBe("2 days 5 hours left");
    expect(timeLeft(event, before(DAY + 30 * MIN))).toBe("1 day left");
    expect(timeLeft(event, before(3 * HOUR + 10 * MIN + 30_000))).toBe("3 hours 10 minutes left");
    expect(timeLeft(event, before(HOUR))).toBe("1 hour left");
    expect(timeLeft(event, before(12 * MIN + 59_000))).toBe("12 minutes left");
    expect(timeLeft(event, before(59_000))).toBe("Less than a minute left");
  });

  it("says nothing earlier than a week before, before the CFP opens, or once it has closed", () => {
    expect(timeLeft(event, before(7 * DAY + 1))).toBeNull();
    expect(timeLeft(event, new Date("2026-12-31T23:00:00Z"))).toBeNull();
    expect(timeLeft(event, closes)).toBeNull();
  });
});
