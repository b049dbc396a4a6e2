import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { DomainError, notFound } from "@/lib/errors";
import { planImport, type ImportPlan } from "./plan";
import { readImportFile } from "./read-source";
import { IMPORT_FORMATS, type ImportFormat } from "./types";
import { writePlan } from "./write";

const UPLOAD_TTL_MS = 24 * 60 * 60_000;

/** An organizer uploads a file: it is read and checked now (a bad file is refused with its problems), kept for the preview. */
export async function uploadImport(
  db: Db,
  actor: SignedIn,
  eventId: string,
  file: { format: ImportFormat; fileName: string; content: string },
) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  readImportFile(file.format, file.content);
  // Previews nobody confirmed within a day are dropped: an upload is a step, not storage.
  await db.importUpload.deleteMany({ where: { eventId, createdAt: { lt: new Date(Date.now() - UPLOAD_TTL_MS) } } });
  return db.importUpload.create({
    data: { eventId, userId: actor.userId, format: file.format, fileName: file.fileName.slice(0, 200), content: file.content },
    select: { id: true },
  });
}

async function uploadOf(db: Db, actor: SignedIn, eventId: string, uploadId: string) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const upload = await db.importUpload.findFirst({ where: { id: uploadId, eventId } });
  if (!upload || !(IMPORT_FORMATS as readonly string[]).includes(upload.format)) throw notFound("This upload");
  return { ...upload, format: upload.format as ImportFormat };
}

type PlannedRow = ImportPlan["rows"][number];

/** The plan as the preview page shows it: answers as counts, questions without their definitions. */
export type ImportPreview = Omit<ImportPlan, "rows" | "questions"> & {
  format: ImportFormat;
  fileName: string;
  rows: (Omit<PlannedRow, "source" | "answers" | "speakers"> & {
    answers: number;
    speakers: (Omit<PlannedRow["speakers"][number], "answers"> & { answers: number })[];
  })[];
  questions: Omit<ImportPlan["questions"][number], "definition">[];
};

/** The dry run: what the import would create, match and skip, row by row. Writes nothing. */
export async function previewImport(db: Db, actor: SignedIn, eventId: string, uploadId: string): Promise<ImportPreview> {
  const upload = await uploadOf(db, actor, eventId, uploadId);
  const plan = await planImport(db, eventId, upload.format, readImportFile(upload.format, upload.content));
  return {
    ...plan,
    format: upload.format,
    fileName: upload.fileName,
    rows: plan.rows.map(({ source: _source, ...row }) => ({
      ...row,
      answers: row.answers.length,
      speakers: row.speakers.map((s) => ({ ...s, answers: s.answers.length })),
    })),
    questions: plan.questions.map(({ definition: _definition, ...q }) => q),
  };
}

/**
 * Imports an uploaded file in one transaction: the plan is computed again
 * inside it (so two imports of one file cannot both create), carried out,
 * and the upload removed. Any failure leaves nothing behind.
 */
export async function runImport(db: Db, actor: SignedIn, eventId: string, uploadId: string, options: ClockOptions = {}) {
  const upload = await uploadOf(db, actor, eventId, uploadId);
  const file = readImportFile(upload.format, upload.content);
  const now = readClock(options);
  return db.$transaction(
    async (tx) => {
      // Taking the upload first serializes two imports of it: the second finds it gone.
      const { count } = await tx.importUpload.deleteMany({ where: { id: upload.id } });
      if (count === 0) throw new DomainError("conflict", "This file was imported already (in another tab?).");
      const plan = await planImport(tx, eventId, upload.format, file);
      await writePlan({ tx, eventId, source: upload.format, actorId: actor.userId, now }, plan);
      return plan.counts;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
