// Who may create events (EVENT_CREATORS, ADR 0012): anyone, nobody, listed
// addresses, listed domains; compared in the canonical form accounts use. And
// the per-user limit on creating events.
import { afterEach, describe, expect, it, vi } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { createEvent } from "@/lib/events/create-event";
import {
  allowsCreator,
  eventCreators,
  mayCreateEvents,
  NOT_AN_EVENT_CREATOR,
  headerEntryPoints,
  parseEventCreators,
  type EventCreators,
} from "@/lib/events/creators";
import { EVENTS_PER_USER } from "@/lib/rate-limit/limits";
import { addReviewer, createEvent as makeEvent, createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { eventInputOf, expectDenied } from "./helpers";

const getDb = useTestDb();
const DAY = 86_400_000;
const T0 = new Date("2027-03-01T00:00:00.000Z");
const policy = (raw: string | undefined): EventCreators => parseEventCreators(raw).policy;
const listed = (raw: string) => {
  const p = policy(raw);
  if (p.kind !== "listed") throw new Error(`expected a list from ${raw}`);
  return { addresses: [...p.addresses].sort(), domains: [...p.domains].sort() };
};

afterEach(() => vi.unstubAllEnvs());

describe("parsing EVENT_CREATORS", () => {
  it("means anyone when unset, empty or 'anyone' (in any case, even among other entries)", () => {
    for (const raw of [undefined, "", "  ", "anyone", " Anyone ", "ada@example.org, ANYONE"])
      expect(policy(raw)).toEqual({ kind: "anyone" });
  });

  it("means nobody for 'nobody', and lets nobody in when every entry is malformed", () => {
    expect(listed("nobody")).toEqual({ addresses: [], domains: [] });
    const { policy: p, ignored } = parseEventCreators("not a domain, ada@, @, a@b@c");
    expect(p).toEqual({ kind: "listed", addresses: new Set(), domains: new Set() });
    expect(ignored).toEqual(["not", "a", "domain", "ada@", "@", "a@b@c"]);
  });

  it("keeps addresses and domains in canonical form: trimmed, NFKC, lowercase, no leading @ or trailing dot", () => {
    expect(listed("  Ada@Example.ORG ,ｇｒａｃｅ@example.org; @Conf.Example.com\nexample.net.")).toEqual({
      addresses: ["ada@example.org", "grace@example.org"],
      domains: ["conf.example.com", "example.net"],
    });
  });
});

describe("who the policy lets in", () => {
  it("anyone: every address", () => {
    expect(allowsCreator(policy("anyone"), "whoever@example.com")).toBe(true);
  });

  it("addresses: exactly those, whatever the case or width of the account's spelling", () => {
    const p = policy("ada@example.org");
    expect(allowsCreator(p, "ada@example.org")).toBe(true);
    expect(allowsCreator(p, " ADA@Example.Org ")).toBe(true);
    expect(allowsCreator(p, "ａｄａ@example.org")).toBe(true);
    expect(allowsCreator(p, "ada2@example.org")).toBe(false);
    expect(allowsCreator(p, "grace@example.org")).toBe(false);
    expect(allowsCreator(p, "not an address")).toBe(false);
  });

  it("domains: every address at exactly that domain, never a subdomain or a look-alike", () => {
    const p = policy("example.org");
    expect(allowsCreator(p, "anyone.at@Example.ORG")).toBe(true);
    expect(allowsCreator(p, "x@mail.example.org")).toBe(false);
    expect(allowsCreator(p, "x@evil-example.org")).toBe(false);
    expect(allowsCreator(p, "x@example.org.evil.com")).toBe(false);
    expect(allowsCreator(p, "example.org@evil.com")).toBe(false);
  });

  it("nobody: no address", () => {
    expect(allowsCreator(policy("nobody"), "ada@example.org")).toBe(false);
  });
});

describe("createEvent under EVENT_CREATORS", () => {
  it("creates for a listed address and a listed domain; refuses anyone else with a clear message and writes nothing", async () => {
    const db = getDb();
    const ada = await createUser(db, { email: "ada@example.org" });
    const grace = await createUser(db, { email: "grace@conf.example.com" });
    const mallory = await createUser(db, { email: "mallory@example.net" });
    const creators = policy("Ada@Example.org, @conf.example.com");

    await createEvent(db, signedInAs(ada.id), eventInputOf({ slug: "ada-conf-2027" }), { creators });
    await createEvent(db, signedInAs(grace.id), eventInputOf({ slug: "grace-conf-2027" }), { creators });
    const refused = await expectDenied(db, "forbidden", () =>
      createEvent(db, signedInAs(mallory.id), eventInputOf({ slug: "mallory-conf-2027" }), { creators }),
    );
    expect(refused.message).toBe(NOT_AN_EVENT_CREATOR);
    await expectDenied(db, "forbidden", () =>
      createEvent(db, signedInAs(ada.id), eventInputOf({ slug: "nobody-conf-2027" }), { creators: policy("nobody") }),
    );
    await expectDenied(db, "unauthenticated", () =>
      createEvent(db, signedInAs(null), eventInputOf({ slug: "anon-conf-2027" }), { creators }),
    );
  });

  it("reads EVENT_CREATORS from the environment, and follows a change", async () => {
    const db = getDb();
    const mallory = await createUser(db, { email: "mallory@example.net" });
    vi.stubEnv("EVENT_CREATORS", "example.org");
    expect(eventCreators()).toEqual(policy("example.org"));
    await expectDenied(db, "forbidden", () => createEvent(db, signedInAs(mallory.id), eventInputOf()));
    vi.stubEnv("EVENT_CREATORS", "example.org, example.net");
    await createEvent(db, signedInAs(mallory.id), eventInputOf());
    vi.stubEnv("EVENT_CREATORS", "");
    expect(eventCreators()).toEqual({ kind: "anyone" });
  });

  it("the entry points follow the policy: an organizer who may no longer create events still reaches their events", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewerOnly = await addReviewer(db, event, await createUser(db, { email: "rev@example.net" }));
    const speakerOnly = await createUser(db, { email: "speaker@example.net" });
    const only = policy("ada@example.org");
    expect(await mayCreateEvents(db, event.organizer.id, only)).toBe(false);
    expect(await headerEntryPoints(db, event.organizer.id, only)).toEqual({ review: true, organize: true });
    expect(await headerEntryPoints(db, reviewerOnly.id, only)).toEqual({ review: true, organize: false });
    expect(await headerEntryPoints(db, reviewerOnly.id, policy("anyone"))).toEqual({ review: true, organize: true });
    // A speaker on no team sees no "Review"; "Organize" only where the instance lets them create an event.
    expect(await headerEntryPoints(db, speakerOnly.id, only)).toEqual({ review: false, organize: false });
    expect(await headerEntryPoints(db, speakerOnly.id, policy("anyone"))).toEqual({ review: false, organize: true });
  });
});

describe("the per-user limit on creating events", () => {
  it(`allows ${EVENTS_PER_USER.max} events a day per user, refuses the next without a trace, and allows again the next day`, async () => {
    const db = getDb();
    const user = await createUser(db);
    for (let i = 0; i < EVENTS_PER_USER.max; i++)
      await createEvent(db, signedInAs(user.id), eventInputOf({ slug: `conf-${i}` }), { now: T0 });
    const refused = await expectDenied(db, "rate_limited", () =>
      createEvent(db, signedInAs(user.id), eventInputOf({ slug: "conf-late" }), { now: new Date(T0.getTime() + DAY - 60_000) }),
    );
    expect(refused.message).toBe("You have created 3 events today, the most we allow. You can create another in a minute.");
    // Someone else is not affected; the next day the user may again.
    await createEvent(db, signedInAs((await createUser(db)).id), eventInputOf({ slug: "conf-other" }), { now: T0 });
    await createEvent(db, signedInAs(user.id), eventInputOf({ slug: "conf-late" }), { now: new Date(T0.getTime() + DAY) });
  });

  it("a refused event (taken slug) is not counted", async () => {
    const db = getDb();
    const user = await createUser(db);
    await createEvent(db, signedInAs(user.id), eventInputOf({ slug: "taken-slug" }), { now: T0 });
    for (let i = 0; i < 3; i++)
      await expectDenied(db, "conflict", () => createEvent(db, signedInAs(user.id), eventInputOf({ slug: "taken-slug" }), { now: T0 }));
    for (let i = 1; i < EVENTS_PER_USER.max; i++)
      await createEvent(db, signedInAs(user.id), eventInputOf({ slug: `fresh-${i}` }), { now: T0 });
  });
});
