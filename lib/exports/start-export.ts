import { type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { invalid } from "@/lib/errors";
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
 */
export async function startExport(db: Db, actor: SignedIn, eventId: string, options: ExportOptions, filters: ExportFilters) {
  // The file for import into another event has its own writer (lib/imports/export-file.ts).
  if (options.format === "pretalx") throw invalid("Export this format with startExportForImport.");
  const needsReviews = options.kind === "reviews" || filters.from === "ranking";
  const scope = await organizerScope(db, actor, eventId, needsReviews ? "proposal:view-reviews" : "proposal:list-all");
  if (options.kind === "speakers" && options.blind) throw invalid("A blind export cannot list speakers.");
  const where = await exportedProposals(db, scope, filters);
  const personal = options.personal && !options.blind;
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
