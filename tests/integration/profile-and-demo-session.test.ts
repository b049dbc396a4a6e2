import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { createSpeaker, createUser } from "@/tests/factories";
import { getProfile, updateProfile } from "@/lib/profile/profile";
import { profileInput } from "@/lib/profile/schemas";
import { createDemoSession, DEMO_SESSION_DAYS } from "@/lib/sign-in/demo-session";
import { expectDenied, expectDomainError } from "./helpers";

const getDb = useTestDb();

const profile = (overrides: Record<string, unknown> = {}) =>
  profileInput.parse({
    name: "Ada Lovelace",
    bio: "Writes **embedded** Rust.",
    company: "Analytical Engines",
    location: "London",
    website: "https://ada.example",
    github: "ada-l",
    mastodon: "@ada@hachyderm.io",
    ...overrides,
  });

describe("profile", () => {
  it("getProfile returns the user's name and email, and no profile before one is saved", async () => {
    const db = getDb();
    const user = await createUser(db, { name: "Ada", email: "ada@example.com" });
    expect(await getProfile(db, signedInAs(user.id))).toEqual({ name: "Ada", email: "ada@example.com", profile: null });
  });

  it("updateProfile creates the speaker profile and sets the user's name", async () => {
    const db = getDb();
    const user = await createUser(db, { name: "Old Name" });

    await updateProfile(db, signedInAs(user.id), profile());

    expect(await getProfile(db, signedInAs(user.id))).toMatchObject({
      name: "Ada Lovelace",
      email: user.email,
      profile: {
        userId: user.id,
        bio: "Writes **embedded** Rust.",
        company: "Analytical Engines",
        location: "London",
        website: "https://ada.example",
        github: "ada-l",
        mastodon: "@ada@hachyderm.io",
      },
    });
  });

  it("updateProfile updates an existing profile in place, clearing emptied fields", async () => {
    const db = getDb();
    const user = await createSpeaker(db);

    await updateProfile(db, signedInAs(user.id), profile({ company: "", website: "", bio: "New bio" }));

    expect(await db.speakerProfile.count()).toBe(1);
    expect(await db.speakerProfile.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      bio: "New bio",
      company: "",
      website: "",
      github: "ada-l",
    });
  });

  it("updateProfile changes only the actor's own user and profile", async () => {
    const db = getDb();
    const user = await createUser(db);
    const other = await createSpeaker(db, { name: "Someone Else" });
    const otherBefore = await getProfile(db, signedInAs(other.id));

    await updateProfile(db, signedInAs(user.id), profile());

    expect(await getProfile(db, signedInAs(other.id))).toEqual(otherBefore);
  });

  it("updateProfile refuses an anonymous caller (unauthenticated) and changes nothing", async () => {
    const db = getDb();
    await createSpeaker(db);
    await expectDenied(db, "unauthenticated", () => updateProfile(db, signedInAs(null), profile()));
  });

  it("getProfile refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    await expectDomainError(() => getProfile(db, signedInAs(undefined)), "unauthenticated");
  });
});

describe("createDemoSession", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.DEMO_MODE;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = saved;
  });

  async function demoUser(db: ReturnType<typeof getDb>, email = "demo.speaker@example.com") {
    const user = await createUser(db, { email });
    return db.user.update({ where: { id: user.id }, data: { isDemo: true } });
  }

  it("in demo mode, opens a session for a demo account that lasts 7 days", async () => {
    const db = getDb();
    process.env.DEMO_MODE = "1";
    const user = await demoUser(db);
    const before = Date.now();

    const { token, expires } = await createDemoSession(db, user.email);
    const after = Date.now();

    expect(token).toMatch(/^[0-9a-f]{64}$/);
    // 7 days from the moment of the call, however long the call took.
    expect(expires.getTime()).toBeGreaterThanOrEqual(before + DEMO_SESSION_DAYS * 86_400_000);
    expect(expires.getTime()).toBeLessThanOrEqual(after + DEMO_SESSION_DAYS * 86_400_000);
    expect(await db.session.findMany()).toMatchObject([{ sessionToken: token, userId: user.id, expires }]);
  });

  it("gives every sign-in its own session token", async () => {
    const db = getDb();
    process.env.DEMO_MODE = "1";
    const user = await demoUser(db);
    const a = await createDemoSession(db, user.email);
    const b = await createDemoSession(db, user.email);
    expect(a.token).not.toBe(b.token);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("refuses when DEMO_MODE is unset (forbidden) and creates no session", async () => {
    const db = getDb();
    delete process.env.DEMO_MODE;
    const user = await demoUser(db);
    await expectDenied(db, "forbidden", () => createDemoSession(db, user.email));
  });

  it.each(["0", "true", "yes", ""])('refuses when DEMO_MODE is %j rather than "1" (forbidden)', async (value) => {
    const db = getDb();
    process.env.DEMO_MODE = value;
    const user = await demoUser(db);
    await expectDenied(db, "forbidden", () => createDemoSession(db, user.email));
  });

  it("refuses a real (non-demo) account even in demo mode (forbidden) and creates no session", async () => {
    const db = getDb();
    process.env.DEMO_MODE = "1";
    const real = await createUser(db, { email: "real.person@example.com" });
    await expectDenied(db, "forbidden", () => createDemoSession(db, real.email));
  });

  it("refuses an unknown email in demo mode (forbidden) and creates no user or session", async () => {
    const db = getDb();
    process.env.DEMO_MODE = "1";
    await demoUser(db);
    await expectDenied(db, "forbidden", () => createDemoSession(db, "nobody@example.com"));
  });
});
