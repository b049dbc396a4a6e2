import type { DbTx } from "@/lib/db";
import { newOptionIdentifier } from "@/lib/questions/manage";
import type { PlannedQuestion } from "./questions";

/** What writing a plan works in (lib/imports/write.ts). */
export type Context = { tx: DbTx; eventId: string; source: string; actorId: string; now: Date };

export type WrittenQuestions = {
  /** The event's question for a planned one, and its option ids by the plan's keys. */
  of(q: PlannedQuestion): { questionId: string; optionId(key: string): string };
};

/**
 * Creates the planned new questions after the event's own (in the file's
 * order, with the file's option identifiers where it has them) and records
 * every question of the file, created or matched, so that importing the file
 * again answers into the same questions and creates none.
 */
export async function writeQuestions(c: Context, planned: PlannedQuestion[]): Promise<WrittenQuestions> {
  const { tx, eventId } = c;
  const last = await tx.question.aggregate({ where: { eventId }, _max: { position: true } });
  let position = (last._max.position ?? -1) + 1;
  const written = new Map<PlannedQuestion, { questionId: string; options: Map<string, string> }>();
  for (const q of planned) {
    if (q.action === "match") {
      written.set(q, { questionId: q.questionId!, options: new Map() });
    } else {
      const d = q.definition;
      const identifiers = new Set<string>();
      const unique = (id: string | null) => {
        let value = id && !identifiers.has(id) ? id : newOptionIdentifier();
        while (identifiers.has(value)) value = newOptionIdentifier();
        identifiers.add(value);
        return value;
      };
      const created = await tx.question.create({
        data: {
          ...{ eventId, position: position++, target: d.target, variant: d.variant, question: d.question, helpText: d.helpText },
          ...{ requirement: d.requirement, minLength: d.minLength, maxLength: d.maxLength, minNumber: d.minNumber, maxNumber: d.maxNumber },
          ...{ minDate: d.minDate, maxDate: d.maxDate, minChoices: d.minChoices, maxChoices: d.maxChoices },
          ...{ visibleToReviewers: d.visibleToReviewers, isPublic: d.isPublic, personalData: d.personalData },
          options: { create: d.options.map((o, i) => ({ answer: o.label, position: i, identifier: unique(o.identifier) })) },
        },
        select: { id: true, options: { orderBy: { position: "asc" }, select: { id: true } } },
      });
      written.set(q, { questionId: created.id, options: new Map(created.options.map((o, i) => [`new:${i}`, o.id])) });
    }
    const questionId = written.get(q)!.questionId;
    await tx.importRecord.upsert({
      where: { eventId_source_kind_sourceId: { eventId, source: c.source, kind: "question", sourceId: q.sourceId } },
      create: { eventId, source: c.source, kind: "question", sourceId: q.sourceId, targetId: questionId },
      update: { targetId: questionId },
    });
  }
  return {
    of(q) {
      const w = written.get(q);
      if (!w) throw new Error(`Question ${q.sourceId} was not planned.`);
      return { questionId: w.questionId, optionId: (key) => w.options.get(key) ?? key };
    },
  };
}
