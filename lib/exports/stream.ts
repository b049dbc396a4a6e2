// Rows to a byte stream, one database batch at a time: the stream asks for
// the next batch only when the client has read the previous one (pull), so
// memory holds one batch whatever the export's size, and a client that stops
// reading stops the queries. Batches are read by keyset (the last row's key),
// never by offset, so each costs the same however deep into the export.
import type { Db } from "@/lib/db";
import { BOM, csvRow, type Cell } from "./csv";
import { EXPORT_COLUMN_PROVIDERS, type ExportColumn } from "./column-providers";
import type { ExportKind } from "./options";

export const BATCH_SIZE = 500;

export type Batch<C> = { rows: { id: string; cells: Record<string, Cell> }[]; next: C | null };

export type RowSource<C> = {
  kind: ExportKind;
  columns: ExportColumn[];
  /** The batch after `cursor` (null: the first); `next` is null after the last. */
  batch(cursor: C | null): Promise<Batch<C>>;
};

/** Adds the registered providers' columns (custom questions…) to a source. */
export async function withProviderColumns<C>(db: Db, eventId: string, source: RowSource<C>, personal: boolean): Promise<RowSource<C>> {
  const extra = await Promise.all(
    EXPORT_COLUMN_PROVIDERS.map(async (p) => ({ provider: p, columns: await p.columns(db, eventId, source.kind, { personal }) })),
  );
  const used = extra.filter((e) => e.columns.length > 0);
  if (used.length === 0) return source;
  return {
    kind: source.kind,
    columns: [...source.columns, ...used.flatMap((e) => e.columns)],
    async batch(cursor) {
      const b = await source.batch(cursor);
      const ids = b.rows.map((r) => r.id);
      for (const { provider } of used) {
        const values = await provider.values(db, eventId, source.kind, ids);
        for (const row of b.rows) Object.assign(row.cells, values.get(row.id) ?? {});
      }
      return b;
    },
  };
}

export function exportStream<C>(source: RowSource<C>, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: C | null = null;
  let started = false;
  let done = false;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format === "csv" ? BOM + csvRow(source.columns.map((c) => c.label)) : "["));
        return;
      }
      if (done) return;
      // A batch may have no rows (proposals without reviews) while more follow: read on until there is text or the end.
      let text = "";
      while (!text && !done) text = await nextText();
      if (text) controller.enqueue(encoder.encode(text));
      if (done) controller.close();
    },
  });

  async function nextText(): Promise<string> {
    const batch = await source.batch(cursor);
    let text = "";
    for (const row of batch.rows) {
      if (format === "csv") text += csvRow(source.columns.map((c) => row.cells[c.key]));
      else {
        const object = Object.fromEntries(source.columns.map((c) => [c.key, row.cells[c.key] ?? null]));
        text += (first ? "\n" : ",\n") + JSON.stringify(object);
        first = false;
      }
    }
    if (batch.next === null) {
      done = true;
      if (format === "json") text += first ? "]\n" : "\n]\n";
    }
    cursor = batch.next;
    return text;
  }
}

/** `read` over `ids` in slices of BATCH_SIZE, results concatenated: a statement takes a bounded number of parameters. */
export async function inSlices<T>(ids: readonly string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE) out.push(...(await read(ids.slice(i, i + BATCH_SIZE))));
  return out;
}
