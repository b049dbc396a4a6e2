import { signedInAs } from "@/lib/auth/actor";
// Managing read-API tokens (lib/api/tokens.ts): organizers of the event only;
// the token is returned once and only its hash is stored.
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { createApiToken, createTokenInput, listApiTokens, revokeApiToken } from "@/lib/api/tokens";
import { hashToken } from "@/lib/api/token-secret";
import { expectDenied, snapshot } from "./helpers";

const getDb = useTestDb();
const input = (over: Record<string, unknown> = {}) =>
  createTokenInput.parse({ name: "Website", scopes: ["proposals"], expiresIn: "30", ...over });

describe("API tokens", () => {
  it("creates a token shown once: the database holds its SHA-256, a display prefix, the scopes and the expiry", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const now = new Date("2027-01-01T00:00:00Z");
    const created = await createApiToken(db, signedInAs(event.organizer.id), event.id, input({ scopes: ["reviews", "proposals"] }), {
      now,
    });
    expect(created.token).toMatch(/^cfp_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      tokenHash: hashToken(created.token),
      prefix: created.token.slice(0, 8),
      scopes: "proposals,reviews",
      expiresAt: new Date("2027-01-31T00:00:00Z"),
      createdById: event.organizer.id,
    });
    expect(JSON.stringify(await snapshot(db))).not.toContain(created.token);
    const [listed] = await listApiTokens(db, signedInAs(event.organizer.id), event.id);
    expect(listed).toMatchObject({ name: "Website", prefix: row.prefix, scopes: ["proposals", "reviews"], revokedAt: null });
    expect(listed).not.toHaveProperty("tokenHash");
  });

  it("creates a token that never expires when asked", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { id } = await createApiToken(db, signedInAs(event.organizer.id), event.id, input({ expiresIn: "never" }));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).expiresAt).toBeNull();
  });

  it("refuses a token without a name or without scopes, with a message for the field", () => {
    const bad = createTokenInput.safeParse({ name: " ", scopes: [], expiresIn: "30" });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "scopes"]));
  });

  it("revokes at once; revoking again or another event's token is not found", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const { id } = await createApiToken(db, signedInAs(event.organizer.id), event.id, input());
    const now = new Date("2027-02-01T00:00:00Z");
    await revokeApiToken(db, signedInAs(event.organizer.id), event.id, id, { now });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(now);
    await expectDenied(db, "not_found", () => revokeApiToken(db, signedInAs(event.organizer.id), event.id, id));
    const foreign = await createApiToken(db, signedInAs(other.organizer.id), other.id, input());
    await expectDenied(db, "not_found", () => revokeApiToken(db, signedInAs(event.organizer.id), event.id, foreign.id));
  });

  it("refuses everyone but the event's organizers, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const speaker = (await createProposal(db, { event })).speaker;
    const { id } = await createApiToken(db, signedInAs(event.organizer.id), event.id, input());
    const refusals: [string | null, "unauthenticated" | "not_found" | "forbidden"][] = [
      [null, "unauthenticated"],
      [reviewer.id, "forbidden"],
      [speaker.id, "not_found"],
      [other.organizer.id, "not_found"],
      [(await createUser(db)).id, "not_found"],
    ];
    for (const [actor, code] of refusals) {
      await expectDenied(db, code, () => createApiToken(db, signedInAs(actor), event.id, input()));
      await expectDenied(db, code, () => revokeApiToken(db, signedInAs(actor), event.id, id));
      await expectDenied(db, code, () => listApiTokens(db, signedInAs(actor), event.id));
    }
  });
});
