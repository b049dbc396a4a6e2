import { type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { appUrl } from "@/lib/config";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { conflict } from "@/lib/errors";
import { diffSnapshots, sameProgramme, type SlotChange } from "./diff";
import { buildSnapshot, type ProgrammeSnapshot } from "./snapshot";
import { notifyMovedSpeakers } from "./slot-email";
import { queueScheduleReleased } from "@/lib/webhooks/enqueue";

export type Release = { version: number; note: string; publishedAt: Date; snapshot: ProgrammeSnapshot };

export function parseRelease(row: { version: number; note: string; publishedAt: Date; snapshot: string }): Release {
  return { version: row.version, note: row.note, publishedAt: row.publishedAt, snapshot: JSON.parse(row.snapshot) as ProgrammeSnapshot };
}

export async function latestRelease(tx: DbTx, eventId: string): Promise<Release | null> {
  const row = await tx.scheduleRelease.findFirst({
    where: { eventId },
    orderBy: { version: "desc" },
    select: { version: true, note: true, publishedAt: true, snapshot: true },
  });
  return row && parseRelease(row);
}

/**
 * Publishes the working schedule as the next numbered release: the snapshot
 * is stored, public pages switch to it, and the speakers of every talk that is
 * new or moved since the previous release get an email with the slot as an
 * .ics file, all in one transaction. Two organizers publishing at once: the
 * unique (event, version) lets one win; the other gets a conflict.
 */
export async function publishRelease(
  db: Db,
  actor: SignedIn,
  eventId: string,
  input: { note: string },
  options: ClockOptions = {},
): Promise<{ version: number; changes: SlotChange[] }> {
  const now = readClock(options);
  try {
    return await db.$transaction(async (tx) => {
      const scope = await organizerScope(tx, actor, eventId, "schedule:edit");
      const previous = await latestRelease(tx, eventId);
      const snapshot = await buildSnapshot(tx, eventId);
      if (sameProgramme(previous?.snapshot ?? null, snapshot)) throw conflict(`Nothing changed since release ${previous!.version}.`);
      const version = (previous?.version ?? 0) + 1;
      await tx.scheduleRelease.create({
        data: { eventId, version, note: input.note, snapshot: JSON.stringify(snapshot), publishedAt: now, publishedBy: scope.actorId },
      });
      const changes = diffSnapshots(previous?.snapshot ?? null, snapshot);
      await notifyMovedSpeakers(tx, { eventId, actorId: scope.actorId, snapshot, changes, publishedAt: now, appUrl: appUrl() });
      const { slug } = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true } });
      await queueScheduleReleased(tx, { eventId, slug, version, note: input.note, publishedAt: now, changes, appUrl: appUrl() });
      return { version, changes };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("Another organizer published a release at the same moment: reload and try again.");
    throw e;
  }
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** The releases, newest first, each with its changes from the one before (organizers' history). */
export async function releaseHistory(db: DbTx, actor: SignedIn, eventId: string) {
  await organizerScope(db, actor, eventId, "schedule:edit");
  const rows = await db.scheduleRelease.findMany({
    where: { eventId },
    orderBy: { version: "asc" },
    select: { version: true, note: true, publishedAt: true, snapshot: true },
  });
  const releases = rows.map(parseRelease);
  return releases
    .map((r, i) => ({
      version: r.version,
      note: r.note,
      publishedAt: r.publishedAt,
      changes: diffSnapshots(releases[i - 1]?.snapshot ?? null, r.snapshot),
    }))
    .reverse();
}
