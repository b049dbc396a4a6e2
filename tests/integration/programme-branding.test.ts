import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { eventLogo, loadBranding, publicBranding, removeEventLogo, setAccentColor, setEventLogo } from "@/lib/programme/branding/branding";
import { contrastRatio } from "@/lib/programme/branding/contrast";
import { LOGO_MAX_BYTES, readLogoInfo } from "@/lib/programme/branding/logo-image";
import { accentColorInput } from "@/lib/programme/branding/schemas";
import { addOrganizer, addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { expectDenied } from "./helpers";

const getDb = useTestDb();
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "../fixtures/branding", name)));

describe("the accent colour", () => {
  it("accepts a dark enough hex colour and refuses other formats and colours below 4.5:1 with a message for the field", () => {
    expect(accentColorInput.parse({ accentColor: " #1F5F8B " })).toEqual({ accentColor: "#1f5f8b" });
    expect(accentColorInput.parse({ accentColor: "" })).toEqual({ accentColor: null });
    for (const bad of ["1f5f8b", "#1f5f8", "#1f5f8bz", "blue", "#fff", "url(x)", "#1f5f8b;color:red"]) {
      expect(accentColorInput.safeParse({ accentColor: bad }).success, bad).toBe(false);
    }
    const light = accentColorInput.safeParse({ accentColor: "#f5a623" });
    expect(light.success).toBe(false);
    expect(light.error?.issues[0]).toMatchObject({ path: ["accentColor"] });
    expect(light.error?.issues[0].message).toMatch(/^Too little contrast: 1\.\d\d:1 against the page background; .* at least 4.5:1/);
  });

  it("computes WCAG contrast: black on white is 21:1, the app's own accent passes on the page background", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(accentColorInput.safeParse({ accentColor: "#767676" }).success).toBe(false); // 4.54 on white, 4.2 on #f7f7f8
    expect(accentColorInput.safeParse({ accentColor: "#8f320b" }).success).toBe(true);
  });

  it("is set and cleared by an organizer and shown publicly; the domain function refuses a low-contrast colour too", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer = signedInAs(event.organizer.id);
    expect(await publicBranding(db, event.slug)).toBeNull();
    expect(await setAccentColor(db, organizer, event.id, { accentColor: "#1f5f8b" })).toEqual({ slug: event.slug });
    expect(await publicBranding(db, event.slug)).toEqual({ accentColor: "#1f5f8b", logo: null });
    const error = await expectDenied(db, "invalid", () => setAccentColor(db, organizer, event.id, { accentColor: "#ffff00" }));
    expect(error.fields?.accentColor).toMatch(/Too little contrast/);
    await setAccentColor(db, organizer, event.id, { accentColor: null });
    expect(await publicBranding(db, event.slug)).toBeNull();
  });
});

describe("the logo", () => {
  it("reads type and pixel size from PNG, JPEG and WebP headers (lossy, lossless, extended), never from the name", () => {
    expect(readLogoInfo(fixture("logo-120x40.png"))).toEqual({ type: "image/png", width: 120, height: 40 });
    expect(readLogoInfo(fixture("logo-120x40.jpg"))).toEqual({ type: "image/jpeg", width: 120, height: 40 });
    expect(readLogoInfo(fixture("logo-120x40.webp"))).toEqual({ type: "image/webp", width: 120, height: 40 });
    expect(readLogoInfo(fixture("logo-120x40-lossless.webp"))).toEqual({ type: "image/webp", width: 120, height: 40 });
    const vp8x = new Uint8Array(30);
    vp8x.set(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8X"));
    vp8x.set([119, 0, 0, 39, 0, 0], 24); // canvas 120 × 40, stored minus one
    expect(readLogoInfo(vp8x)).toEqual({ type: "image/webp", width: 120, height: 40 });
    expect(readLogoInfo(fixture("logo.svg"))).toBeNull();
    expect(readLogoInfo(fixture("logo-120x40.png").subarray(0, 20))).toBeNull();
  });

  it("is stored with its type, size and a content hash, served only under that hash, replaced and removed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer = signedInAs(event.organizer.id);
    const png = fixture("logo-120x40.png");
    await setEventLogo(db, organizer, event.id, png);
    const shown = await publicBranding(db, event.slug);
    expect(shown).toEqual({ accentColor: null, logo: { hash: expect.stringMatching(/^[0-9a-f]{16}$/), width: 120, height: 40 } });
    const served = await eventLogo(db, event.slug, shown!.logo!.hash);
    expect(served?.type).toBe("image/png");
    expect(Buffer.from(served!.bytes).equals(Buffer.from(png))).toBe(true);

    await setEventLogo(db, organizer, event.id, fixture("logo-120x40.webp"));
    const replaced = await publicBranding(db, event.slug);
    expect(replaced?.logo?.hash).not.toBe(shown!.logo!.hash);
    expect(await eventLogo(db, event.slug, shown!.logo!.hash)).toBeNull();
    expect((await eventLogo(db, event.slug, replaced!.logo!.hash))?.type).toBe("image/webp");
    expect(await eventLogo(db, "another-slug", replaced!.logo!.hash)).toBeNull();

    await removeEventLogo(db, organizer, event.id);
    expect(await publicBranding(db, event.slug)).toBeNull();
    expect(await loadBranding(db, organizer, event.id)).toEqual({ accentColor: null, logo: null });
  });

  it("refuses SVG, unknown bytes, an empty file, files over 200 kB and images over 1600 pixels a side, next to the field", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer = signedInAs(event.organizer.id);
    const oversized = new Uint8Array(LOGO_MAX_BYTES + 1);
    oversized.set(fixture("logo-120x40.png"));
    const cases: [Uint8Array, RegExp][] = [
      [fixture("logo.svg"), /PNG, JPEG or WebP/],
      [new TextEncoder().encode("<html><script>alert(1)</script>"), /PNG, JPEG or WebP/],
      [new Uint8Array(0), /Choose an image file/],
      [oversized, /at most 200 kB/],
      [fixture("too-wide-2000x10.png"), /at most 1600 × 1600 pixels \(this one is 2000 × 10\)/],
    ];
    for (const [bytes, message] of cases) {
      const error = await expectDenied(db, "invalid", () => setEventLogo(db, organizer, event.id, bytes));
      expect(error.fields?.logo).toMatch(message);
    }
  });
});

describe("who may change the branding", () => {
  it("refuses another event's organizer, a reviewer, a speaker and anyone signed out, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const coOrganizer = await addOrganizer(db, event);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event });
    const other = await createEvent(db);
    const stranger = await createUser(db);
    const png = fixture("logo-120x40.png");
    await setEventLogo(db, signedInAs(event.organizer.id), event.id, png);
    const writes = [
      (id: string | null) => () => setEventLogo(db, signedInAs(id), event.id, fixture("logo-120x40.jpg")),
      (id: string | null) => () => removeEventLogo(db, signedInAs(id), event.id),
      (id: string | null) => () => setAccentColor(db, signedInAs(id), event.id, { accentColor: "#1f5f8b" }),
      (id: string | null) => () => loadBranding(db, signedInAs(id), event.id),
    ];
    for (const write of writes) {
      await expectDenied(db, "not_found", write(other.organizer.id));
      await expectDenied(db, "forbidden", write(reviewer.id));
      await expectDenied(db, "not_found", write(proposal.speaker.id));
      await expectDenied(db, "not_found", write(stranger.id));
      await expectDenied(db, "unauthenticated", write(null));
    }
    // Any organizer of the event may.
    await setAccentColor(db, signedInAs(coOrganizer.id), event.id, { accentColor: "#1f5f8b" });
    expect((await publicBranding(db, event.slug))?.accentColor).toBe("#1f5f8b");
  });
});
