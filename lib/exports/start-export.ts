import { type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { readClock, type ClockOptions } from "@/lib/clock";
import { invalid } from "@/lib/errors";
import { importBundleStream } from "./import-bundle";
import type { ExportOptions } from "./options";
import { exportStream, withProviderColumns, type RowSource } from "./stream";
import { exportedProposals, type ExportFilters } from "./where";
import { proposalRows } from "./sources/proposals";
import { reviewRows } from "./sources/reviews";
import { speakerRows } from "./sources/speakers";

/**
 * An organizer's export of the proposal list or the ranking, with their
 * filters, as CSV or JSON: one row per proposal, speaker or review. Checked
 * before the first byte (who may export, what), then streamed batch by batch.
 * Reviews need the right to see reviews; a blind export has no speakers.
 * The "pretalx" format is one document for import into another event.
 */
export async function startExport(
  db: Db,
  actor: SignedIn,
  eventId: string,
  options: ExportOptions,
  filters: ExportFilters,
  clock: ClockOptions = {},
) {
  const bundle = options.format === "pretalx";
  const needsReviews = (options.kind === "reviews" && !bundle) || filters.from === "ranking";
  const scope = await organizerScope(db, actor, eventId, needsReviews ? "proposal:view-reviews" : "proposal:list-all");
  if (options.kind === "speakers" && options.blind) throw invalid("A blind export cannot list speakers.");
  if (bundle && options.blind) throw invalid("An export for import needs the speakers: it cannot be blind.");
  const where = await exportedProposals(db, scope, filters);
  const personal = options.personal && !options.blind;
  if (bundle) {
    const { slug } = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true } });
    return {
      filename: `${slug}-${filters.from === "ranking" ? "ranking-" : ""}for-import.json`,
      contentType: "application/json; charset=utf-8",
      stream: importBundleStream(db, eventId, where, { personal, now: readClock(clock) }),
    };
  }
  let source: RowSource<unknown>;
  if (options.kind === "proposals") source = proposalRows(db, where, { personal, blind: options.blind });
  else if (options.kind === "speakers") source = speakerRows(db, where, { personal });
  else source = await reviewRows(db, eventId, where, { blind: options.blind });
  source = await withProviderColumns(db, eventId, source, { personal, blind: options.blind });

  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true } });
  return {
    filename: `${event.slug}-${filters.from === "ranking" ? "ranking-" : ""}${options.kind}.${options.format}`,
    contentType: options.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    stream: exportStream(source, options.format === "csv" ? "csv" : "json"),
  };
}
