// The export another event can import (sources/pretalx.ts reads it): the
// organizer export's format "pretalx" (lib/exports/options.ts), kept beside
// its reader. One JSON document in pretalx's organizer API shape, like the read API's
// answers (ADR 0021) but whole, so nothing needs joining by hand:
//   { generator, event, questions, submissions, speakers }
// `questions` are the event's proposal and speaker questions with their kind
// and options (pretalx's question shape); submissions and speakers carry their
// answers by question id. Streamed like the other exports: the submissions by
// keyset batches, then the speakers by a second walk over the same proposals.
import type { SignedIn } from "@/lib/auth/actor";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { readClock, type ClockOptions } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { submissionAnswers } from "@/lib/api/answers";
import { apiSpeaker, SPEAKER_FIELDS } from "@/lib/api/speakers";
import type { ApiScope } from "@/lib/api/scopes";
import { SUBMISSION_SELECT, toSubmission } from "@/lib/api/submissions";
import type { ExportOptions } from "@/lib/exports/options";
import { BATCH_SIZE, inSlices } from "@/lib/exports/stream";
import { exportedProposals, type ExportFilters } from "@/lib/exports/where";
import { PRETALX_ANSWER_SELECT, toPretalxAnswer, toPretalxQuestion } from "@/lib/questions/pretalx";

export const BUNDLE_GENERATOR = { name: "cfp", format: "pretalx-submissions", version: 1 } as const;

type Options = { personal: boolean; now: Date };

/**
 * An organizer's export for import into another event, with the list's or
 * the ranking's filters, inside their organizer scope like every export;
 * checked before the first byte. Never blind: an import needs the speakers.
 */
export async function startExportForImport(
  db: Db,
  actor: SignedIn,
  eventId: string,
  options: Pick<ExportOptions, "personal" | "blind">,
  filters: ExportFilters,
  clock: ClockOptions = {},
) {
  const scope = await organizerScope(db, actor, eventId, filters.from === "ranking" ? "proposal:view-reviews" : "proposal:list-all");
  if (options.blind) throw invalid("An export for import needs the speakers: it cannot be blind.");
  const where = await exportedProposals(db, scope, filters);
  const { slug } = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true } });
  return {
    filename: `${slug}-${filters.from === "ranking" ? "ranking-" : ""}for-import.json`,
    contentType: "application/json; charset=utf-8",
    stream: importBundleStream(db, eventId, where, { personal: options.personal, now: readClock(clock) }),
  };
}

/** The bundle as a pull-based byte stream: each part is read from the database only when the client has read the last. */
export function importBundleStream(db: Db, eventId: string, where: Prisma.ProposalWhereInput, opts: Options): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const parts = bundleParts(db, eventId, where, opts);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}

const questionFilter = (eventId: string, opts: Options, target: "SUBMISSION" | "SPEAKER" | { in: ("SUBMISSION" | "SPEAKER")[] }) => ({
  eventId,
  target,
  ...(opts.personal ? {} : { personalData: false }),
});

async function* bundleParts(db: Db, eventId: string, where: Prisma.ProposalWhereInput, opts: Options): AsyncGenerator<string> {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true, name: true, timeZone: true } });
  const questions = await db.question.findMany({
    where: questionFilter(eventId, opts, { in: ["SUBMISSION", "SPEAKER"] }),
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { options: { orderBy: { position: "asc" } }, tracks: { select: { id: true } }, sessionTypes: { select: { id: true } } },
  });
  const head = {
    generator: BUNDLE_GENERATOR,
    event: { slug: event.slug, name: event.name },
    // Several choices' bounds are not in pretalx's shape: extensions, as in the API.
    questions: questions.map((q) => ({
      ...toPretalxQuestion(q, opts.now, event.timeZone),
      min_choices: q.minChoices,
      max_choices: q.maxChoices,
    })),
  };
  yield `${JSON.stringify(head).slice(0, -1)},\n"submissions": [`;

  const scopes = new Set<ApiScope>(opts.personal ? ["proposals", "speakers", "personal"] : ["proposals", "speakers"]);
  const after = (number: number | null): Prisma.ProposalWhereInput =>
    number === null ? where : { AND: [where, { number: { gt: number } }] };
  const submissions = (from: number | null) =>
    db.proposal.findMany({ where: after(from), orderBy: { number: "asc" }, take: BATCH_SIZE, select: SUBMISSION_SELECT });
  const speakersOf = (from: number | null) =>
    db.proposal.findMany({
      where: after(from),
      orderBy: { number: "asc" },
      take: BATCH_SIZE,
      select: { number: true, speakers: { orderBy: { id: "asc" }, select: { userId: true } } },
    });

  let first = true;
  for (let from: number | null = null; ;) {
    const rows = await submissions(from);
    const answers = await submissionAnswers(db, { scopes, event: { id: eventId, slug: event.slug } }, rows);
    const text = rows.map((r) => JSON.stringify(toSubmission(r, { scopes }, answers.get(r.id))));
    if (text.length > 0) yield (first ? "\n" : ",\n") + text.join(",\n");
    first = first && text.length === 0;
    if (rows.length < BATCH_SIZE) break;
    from = rows[rows.length - 1].number;
  }

  yield `\n],\n"speakers": [`;
  first = true;
  const seen = new Set<string>();
  for (let from: number | null = null; ;) {
    const batch = await speakersOf(from);
    const ids = batch.flatMap((p) => p.speakers.map((s) => s.userId)).filter((id) => !seen.has(id) && seen.add(id));
    const speakers = await speakerObjects(db, eventId, where, ids, opts);
    if (speakers.length > 0) yield (first ? "\n" : ",\n") + speakers.map((s) => JSON.stringify(s)).join(",\n");
    first = first && speakers.length === 0;
    if (batch.length < BATCH_SIZE) break;
    from = batch[batch.length - 1].number;
  }
  yield "\n]}\n";
}

/** Speakers in the API's shape (lib/api/schemas.ts), with their answers to the event's speaker questions. */
async function speakerObjects(db: Db, eventId: string, where: Prisma.ProposalWhereInput, ids: string[], opts: Options) {
  const users = await inSlices(ids, (slice) =>
    db.user.findMany({
      where: { id: { in: slice } },
      select: SPEAKER_FIELDS,
    }),
  );
  const answers = await inSlices(ids, (slice) =>
    db.answer.findMany({
      where: { speakerId: { in: slice }, question: questionFilter(eventId, opts, "SPEAKER") },
      orderBy: [{ question: { position: "asc" } }, { id: "asc" }],
      select: PRETALX_ANSWER_SELECT,
    }),
  );
  // Each speaker's exported proposals, as the speaker export finds them (lib/exports/sources/speakers.ts).
  const roles = await inSlices(ids, (slice) =>
    db.proposalSpeaker.findMany({ where: { userId: { in: slice } }, select: { userId: true, proposalId: true } }),
  );
  const exported = await inSlices([...new Set(roles.map((r) => r.proposalId))], (slice) =>
    db.proposal.findMany({ where: { AND: [where, { id: { in: slice } }] }, select: { id: true, number: true, code: true } }),
  );
  const codeOf = new Map(exported.map((p) => [p.id, p]));
  const proposalsOf = new Map<string, { number: number; code: string }[]>();
  for (const r of roles) {
    const p = codeOf.get(r.proposalId);
    if (p) proposalsOf.set(r.userId, [...(proposalsOf.get(r.userId) ?? []), p]);
  }
  const byId = new Map(users.map((u) => [u.id, u]));
  return ids.map((id) => {
    const u = byId.get(id)!;
    const submissions = (proposalsOf.get(id) ?? []).sort((a, b) => a.number - b.number).map((x) => x.code);
    const own = answers.filter((a) => a.speakerId === id).map((a) => ({ ...toPretalxAnswer(a), person: u.code }));
    return apiSpeaker(u, submissions, own, opts.personal);
  });
}
