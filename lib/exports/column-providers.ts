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
import { questionAnswerColumns } from "./question-columns";

export type ExportColumn = { key: string; label: string };

/** `personal`: the organizer's explicit personal-data choice; `blind`: an export for reviewers (no identities). */
export type ExportColumnOptions = { personal: boolean; blind: boolean };

export type ExportColumnProvider = {
  name: string;
  /** The columns this provider adds to an export of `kind` (none: return []). `personal` is the organizer's explicit choice. */
  columns(db: Db, eventId: string, kind: ExportKind, opts: ExportColumnOptions): Promise<ExportColumn[]>;
  /** Values for one batch of rows: row id → column key → value (the same options as `columns`). */
  values(
    db: Db,
    eventId: string,
    kind: ExportKind,
    rowIds: string[],
    opts: ExportColumnOptions,
  ): Promise<Map<string, Record<string, Cell>>>;
};

/** The registered providers, in column order: custom questions' answers (lib/exports/question-columns.ts). */
export const EXPORT_COLUMN_PROVIDERS: ExportColumnProvider[] = [questionAnswerColumns];
