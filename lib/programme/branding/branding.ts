import { createHash } from "node:crypto";
import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { logoProblem, readLogoInfo } from "./logo-image";
import { accentColorInput, type AccentColorInput } from "./schemas";

// An event's optional look on its public pages: a logo and an accent colour.
// Organizers change it ("event:edit"); anyone reads it. Each write returns the
// event's slug, whose public pages the caller refreshes.

export type PublicLogo = { hash: string; width: number; height: number };
export type PublicBranding = { accentColor: string | null; logo: PublicLogo | null };

const logoMeta = { accentColor: true, logoHash: true, logoWidth: true, logoHeight: true } as const;

function toPublic(row: { accentColor: string | null; logoHash: string | null; logoWidth: number | null; logoHeight: number | null }) {
  const logo =
    row.logoHash && row.logoWidth && row.logoHeight ? { hash: row.logoHash, width: row.logoWidth, height: row.logoHeight } : null;
  return { accentColor: row.accentColor, logo };
}

/** What the public pages show (never the image's bytes): null when the event has neither. */
export async function publicBranding(db: DbTx, slug: string): Promise<PublicBranding | null> {
  const row = await db.eventBranding.findFirst({ where: { event: { slug } }, select: logoMeta });
  if (!row) return null;
  const b = toPublic(row);
  return b.accentColor || b.logo ? b : null;
}

/** The logo's bytes, only under its current hash (an old address answers nothing). */
export async function eventLogo(db: DbTx, slug: string, hash: string) {
  const row = await db.eventBranding.findFirst({
    where: { event: { slug }, logoHash: hash },
    select: { logo: true, logoType: true },
  });
  return row?.logo && row.logoType ? { bytes: row.logo, type: row.logoType } : null;
}

/** The branding form's current values. */
export async function loadBranding(db: Db, actor: SignedIn, eventId: string): Promise<PublicBranding> {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const row = await db.eventBranding.findUnique({ where: { eventId }, select: logoMeta });
  return row ? toPublic(row) : { accentColor: null, logo: null };
}

type BrandingData = {
  accentColor?: string | null;
  logo?: Uint8Array<ArrayBuffer> | null;
  logoType?: string | null;
  logoWidth?: number | null;
  logoHeight?: number | null;
  logoHash?: string | null;
};

async function writeBranding(db: Db, actor: SignedIn, eventId: string, data: BrandingData) {
  return db.$transaction(async (tx) => {
    await authorizeEvent(tx, actor, eventId, "event:edit");
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true } });
    await tx.eventBranding.upsert({
      where: { eventId },
      create: { eventId, ...data },
      update: data,
    });
    return { slug: event.slug };
  });
}

/** Stores a new logo after checking its bytes (type, size, pixel dimensions). */
export async function setEventLogo(db: Db, actor: SignedIn, eventId: string, bytes: Uint8Array) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const problem = logoProblem(bytes);
  if (problem) throw invalid(problem, { logo: problem });
  const info = readLogoInfo(bytes)!;
  const logoHash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return writeBranding(db, actor, eventId, {
    logo: new Uint8Array(bytes),
    logoType: info.type,
    logoWidth: info.width,
    logoHeight: info.height,
    logoHash,
  });
}

export async function removeEventLogo(db: Db, actor: SignedIn, eventId: string) {
  return writeBranding(db, actor, eventId, { logo: null, logoType: null, logoWidth: null, logoHeight: null, logoHash: null });
}

/** Sets the accent colour (already checked for format and contrast by accentColorInput), or clears it. */
export async function setAccentColor(db: Db, actor: SignedIn, eventId: string, input: AccentColorInput) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  // Checked again here, so no caller can store a colour the form would refuse.
  const parsed = accentColorInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues[0].message, { accentColor: parsed.error.issues[0].message });
  return writeBranding(db, actor, eventId, { accentColor: parsed.data.accentColor });
}
