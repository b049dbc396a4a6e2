// Issue 10, finding 8: the home page listed the first 50 open CFPs by closing
// date, so anyone could push real events off it by creating events that
// close sooner. Now it is paged and ordered by when each event was created,
// which nothing a stranger sets can change.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listPublicEvents, PUBLIC_EVENTS_PAGE_SIZE, publicEventsQuery } from "@/lib/events/queries";
import { createEvent, createOrganization, createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";

const getDb = useTestDb();
const MINUTE = 60_000;
const T0 = new Date("2027-03-01T00:00:00.000Z");
/** "now" for the listing: every event below is open then. */
const NOW = new Date(T0.getTime() + 60 * MINUTE);

/** `count` events of one organization, created a minute apart from `from`, all closing `closesIn` after NOW. */
async function eventsCreated(db: Db, count: number, from: Date, closesIn: number, prefix: string) {
  const organization = await createOrganization(db, { owner: await createUser(db) });
  await db.event.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      organizationId: organization.id,
      name: `${prefix} ${i}`,
      slug: `${prefix}-${i}`,
      cfpOpensAt: T0,
      cfpClosesAt: new Date(NOW.getTime() + closesIn),
      createdAt: new Date(from.getTime() + i * MINUTE),
    })),
  });
}

const names = (events: { name: string }[]) => events.map((e) => e.name);

describe("the public list of events", () => {
  it("regression: fifty events closing sooner, created by a stranger, cannot push an existing event off the first page", async () => {
    const db = getDb();
    const real = await createEvent(db, { name: "RustFest Porto 2027", cfp: "open" });
    await db.event.update({
      where: { id: real.id },
      data: { createdAt: T0, cfpOpensAt: T0, cfpClosesAt: new Date(NOW.getTime() + 30 * 86_400_000) },
    });
    await eventsCreated(db, 50, new Date(T0.getTime() + MINUTE), 60_000, "spam");

    const first = await listPublicEvents(db, { now: NOW });
    expect(first.events[0].id).toBe(real.id);
    expect({ page: first.page, pages: first.pages, total: first.total }).toEqual({ page: 1, pages: 3, total: 51 });
  });

  it("pages in creation order, twenty at a time; ties go by id; a page past the end shows the last", async () => {
    const db = getDb();
    expect(PUBLIC_EVENTS_PAGE_SIZE).toBe(20);
    await eventsCreated(db, 45, T0, 30 * 86_400_000, "conf");
    // Closing dates do not matter: this one closes first but was created last.
    await eventsCreated(db, 1, new Date(T0.getTime() + 45 * MINUTE), MINUTE, "late");

    const pages = await Promise.all([1, 2, 3].map((page) => listPublicEvents(db, { page, now: NOW })));
    expect(pages.map((p) => p.events.length)).toEqual([20, 20, 6]);
    expect(names(pages[0].events)).toEqual(Array.from({ length: 20 }, (_, i) => `conf ${i}`));
    expect(names(pages[1].events)).toEqual(Array.from({ length: 20 }, (_, i) => `conf ${20 + i}`));
    expect(names(pages[2].events)).toEqual([...Array.from({ length: 5 }, (_, i) => `conf ${40 + i}`), "late 0"]);
    expect(await listPublicEvents(db, { page: 99, now: NOW })).toMatchObject({ page: 3, pages: 3, total: 46 });

    const sameTime = await db.event.findMany({ where: { name: { in: ["conf 0", "conf 1"] } }, orderBy: { id: "asc" } });
    await db.event.updateMany({ where: { id: { in: sameTime.map((e) => e.id) } }, data: { createdAt: T0 } });
    expect((await listPublicEvents(db, { now: NOW })).events.slice(0, 2).map((e) => e.id)).toEqual(sameTime.map((e) => e.id));
  });

  it("leaves out events whose CFP has closed, and still shows one page when there are none", async () => {
    const db = getDb();
    await eventsCreated(db, 3, T0, -MINUTE, "over");
    expect(await listPublicEvents(db, { now: NOW })).toEqual({ events: [], page: 1, pages: 1, total: 0 });
  });

  it("reads ?page= leniently: anything but a whole number from 1 is page 1", () => {
    const page = (raw: unknown) => publicEventsQuery.parse({ page: raw }).page;
    expect([page("2"), page(undefined), page("0"), page("-3"), page("1.5"), page("abc"), page(["2", "3"]), page("99999999")]).toEqual([
      2, 1, 1, 1, 1, 1, 1, 1,
    ]);
  });
});
