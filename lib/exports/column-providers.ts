// Extra export columns from other features, plugged in here: the hook for
// custom question answers ("one column per question"). A provider names its
// columns for an event and kind once, then fills them one batch of rows at a
// time (the export streams in batches, so a provider must not load the whole
// event). Rows are keyed by Proposal.id (kind "proposals"), User.id
// ("speakers") or Review.id ("reviews"). Values go through the same CSV
// escaping (formula injection included) as every other cell.
import type { Db } from "@/lib/db";
import type { Cell } from "./csv";
import type { ExportKind } from "./options";

export type ExportColumn = { key: string; label: string };

export type ExportColumnProvider = {
  name: string;
  /** The columns this provider adds to an export of `kind` (none: return []). `personal` is the organizer's explicit choice. */
  columns(db: Db, eventId: string, kind: ExportKind, opts: { personal: boolean }): Promise<ExportColumn[]>;
  /** Values for one batch of rows: row id → column key → value. */
  values(db: Db, eventId: string, kind: ExportKind, rowIds: string[]): Promise<Map<string, Record<string, Cell>>>;
};

/**
 * The registered providers, in column order. Custom questions (another
 * feature) add theirs here: `questionAnswerColumns` from lib/questions.
 */
export const EXPORT_COLUMN_PROVIDERS: ExportColumnProvider[] = [];
