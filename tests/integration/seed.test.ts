import { signedInAs } from "@/lib/auth/actor";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getTestDbUrl, useTestDb } from "@/tests/support/test-db";
import { loadScheduleEditor } from "@/lib/programme/editor";
import { publishedProgramme } from "@/lib/programme/public";
import { frabXml } from "@/lib/programme/exports/frab-xml";
import { scheduleJson } from "@/lib/programme/exports/schedule-json";
import { frabXmlErrors, scheduleJsonValidator } from "@/tests/support/schedule-schemas";

function seed(url: string) {
  execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

async function counts(db: ReturnType<ReturnType<typeof useTestDb>>) {
  const [users, events, proposals, reviews, members, stats, tags, taggings] = await Promise.all([
    db.user.count(),
    db.event.count(),
    db.proposal.count(),
    db.review.count(),
    db.eventMember.count(),
    db.proposalStats.findMany({ orderBy: { proposalId: "asc" }, select: { reviewCount: true, avgScore: true } }),
    db.tag.count(),
    db.proposalTag.count(),
  ]);
  return { users, events, proposals, reviews, members, stats, tags, taggings };
}

describe("the demo seed", () => {
  const getDb = useTestDb();

  it("creates the demo conference with submitted proposals from the sample abstracts, and is idempotent", async () => {
    const db = getDb();
    seed(getTestDbUrl());
    const first = await counts(db);
    // Seven submitted proposals from the CFP, five invited talks (confirmed) by four invited speakers.
    expect(first).toMatchObject({ events: 1, proposals: 12, users: 14, members: 4, tags: 3, taggings: 6 });
    expect(first.reviews).toBeGreaterThan(0);
    const concurrency = await db.proposal.findFirstOrThrow({ where: { title: { contains: "cache line" } } });
    expect(concurrency.abstract).toMatch(/^Modern hardware is moving to more cores/);
    expect(concurrency.status).toBe("SUBMITTED");

    seed(getTestDbUrl());
    expect(await counts(db)).toEqual(first);
    expect(await db.scheduleRelease.count()).toBe(1);
    expect(await db.scheduleItem.count()).toBe(7);
  }, 300_000);

  it("publishes a two-day programme in three rooms across the change to summer time, with a co-speaker and breaks", async () => {
    const db = getDb();
    seed(getTestDbUrl());
    const release = await publishedProgramme(db, "rustfest-lyon-2027");
    const s = release!.snapshot;
    expect(s.event).toMatchObject({ startsOn: "2027-03-27", endsOn: "2027-03-28", timeZone: "Europe/Paris" });
    expect(s.rooms.map((r) => r.name)).toEqual(["Amphithéâtre Lumière", "Salle Rhône", "Salle Saône"]);
    expect(s.items.filter((i) => i.kind === "block").map((i) => i.title)).toEqual(["Lunch", "Coffee break"]);
    expect(s.items.some((i) => i.speakers.length === 2)).toBe(true);
    const keynote = s.items.find((i) => i.title.startsWith("Opening keynote"))!;
    const ffi = s.items.find((i) => i.title.startsWith("Fearless FFI"))!;
    // 09:30 in winter time (UTC+1) on Saturday, 10:00 in summer time (UTC+2) on Sunday.
    expect([keynote.start, ffi.start]).toEqual(["2027-03-27T08:30:00.000Z", "2027-03-28T08:00:00.000Z"]);
    const event = await db.event.findUniqueOrThrow({ where: { slug: "rustfest-lyon-2027" } });
    const olivia = await db.user.findUniqueOrThrow({ where: { email: "olivia@example.com" } });
    const editor = await loadScheduleEditor(db, signedInAs(olivia.id), event.id);
    expect(editor.warnings).toEqual([]);
    // Its exports pass the c3voc schemas.
    const options = { appUrl: "https://cfp.example.org", version: release!.version };
    expect(await frabXmlErrors(frabXml(s, options))).toEqual([]);
    const validate = scheduleJsonValidator();
    expect(validate(scheduleJson(s, options)), JSON.stringify(validate.errors)).toBe(true);
  }, 300_000);
});
