import { newUserCode } from "@/lib/identifiers/public-code";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";
import { applyTransition } from "@/lib/lifecycle/transition";
import { DECIDABLE, pathTo, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { companyKey } from "@/lib/profile/company-key";
import { reindexAnswers } from "@/lib/questions/search-text";
import type { ImportPlan, PlannedRow, PlannedSpeaker } from "./plan";
import { writeQuestions, type Context, type WrittenQuestions } from "./write-questions";
import type { ResolvedAnswer } from "./questions";

/** Carries out a plan computed in the same transaction (lib/imports/run.ts). */
export async function writePlan(c: Context, plan: ImportPlan) {
  const { tx, eventId } = c;
  const positions = await tx.sessionType.count({ where: { eventId } });
  for (const [i, t] of plan.newSessionTypes.entries()) {
    await tx.sessionType.create({ data: { eventId, name: t.name, durationMinutes: t.durationMinutes, position: positions + i } });
  }
  const trackCount = await tx.track.count({ where: { eventId } });
  for (const [i, name] of plan.newTracks.entries()) await tx.track.create({ data: { eventId, name, position: trackCount + i } });
  const types = new Map((await tx.sessionType.findMany({ where: { eventId } })).map((t) => [t.name, t.id]));
  const tracks = new Map((await tx.track.findMany({ where: { eventId } })).map((t) => [t.name, t.id]));

  const questions = await writeQuestions(c, plan.questions);

  const people = new Map<string, string>();
  const answered = new Set<string>();
  const reindex = new Set<string>();
  for (const row of plan.rows) {
    if (row.action !== "create") continue;
    const userIds: string[] = [];
    for (const s of row.speakers) {
      const userId = await personFor(c, s, row, people);
      userIds.push(userId);
      if ((await writeAnswers(c, questions, s.answers, { speakerId: userId })) > 0) answered.add(userId);
    }
    const proposalId = await writeProposal(
      c,
      row,
      [...new Set(userIds)],
      types.get(row.sessionType)!,
      row.track ? tracks.get(row.track)! : null,
    );
    if ((await writeAnswers(c, questions, row.answers, { proposalId })) > 0) reindex.add(proposalId);
  }
  // Speaker answers are search text of every proposal of theirs in the event (lib/questions/search-text.ts).
  if (answered.size > 0) {
    const theirs = await tx.proposal.findMany({
      where: { eventId, speakers: { some: { userId: { in: [...answered] } } } },
      select: { id: true },
    });
    for (const p of theirs) reindex.add(p.id);
  }
  await reindexAnswers(tx, eventId, [...reindex]);
}

/**
 * Answers as planned, to a proposal or to a speaker: a speaker who already
 * answered a question (in this event, before or earlier in this import) keeps
 * their answer. Returns how many were written.
 */
async function writeAnswers(
  c: Context,
  questions: WrittenQuestions,
  answers: ResolvedAnswer[],
  owner: { proposalId: string } | { speakerId: string },
): Promise<number> {
  let n = 0;
  for (const a of answers) {
    const { questionId, optionId } = questions.of(a.question);
    if ("speakerId" in owner) {
      const exists = await c.tx.answer.findUnique({
        where: { questionId_speakerId: { questionId, speakerId: owner.speakerId } },
        select: { id: true },
      });
      if (exists) continue;
    }
    await c.tx.answer.create({
      data: { questionId, ...owner, answer: a.value.answer, options: { connect: a.value.optionIds.map((key) => ({ id: optionId(key) })) } },
    });
    n++;
  }
  return n;
}

async function personFor(c: Context, s: PlannedSpeaker, row: PlannedRow, people: Map<string, string>): Promise<string> {
  const known = s.userId ?? people.get(s.accountEmail);
  const userId =
    known ??
    (
      await c.tx.user.create({
        data: {
          code: await newUserCode(c.tx),
          email: s.accountEmail,
          name: s.name,
          profile: { create: profileOf(row, s) },
        },
        select: { id: true },
      })
    ).id;
  people.set(s.accountEmail, userId);
  if (s.sourceId) {
    await c.tx.importRecord.upsert({
      where: { eventId_source_kind_sourceId: { eventId: c.eventId, source: c.source, kind: "speaker", sourceId: s.sourceId } },
      create: { eventId: c.eventId, source: c.source, kind: "speaker", sourceId: s.sourceId, targetId: userId },
      update: {},
    });
  }
  return userId;
}

function profileOf(row: PlannedRow, s: PlannedSpeaker) {
  const from = row.source.speakers.find((x) => x.name === s.name && (x.sourceId ?? null) === s.sourceId);
  const company = (from?.company ?? "").slice(0, 200);
  return {
    bio: (from?.bio ?? "").slice(0, 2000),
    company,
    companyKey: companyKey(company),
    website: (from?.website ?? "").slice(0, 300),
    location: (from?.location ?? "").slice(0, 100),
    github: (from?.github ?? "").slice(0, 39),
    mastodon: (from?.mastodon ?? "").slice(0, 100),
  };
}

async function writeProposal(c: Context, row: PlannedRow, userIds: string[], sessionTypeId: string, trackId: string | null) {
  const { tx, eventId } = c;
  const p = row.source;
  const fields = { title: p.title, abstract: p.abstract, notes: row.notes, level: p.level };
  const talk = await tx.talk.create({ data: { ...fields, ownerId: userIds[0] } });
  const { code, number } = await newProposalIdentifiers(tx, eventId);
  const proposal = await tx.proposal.create({
    data: {
      ...fields,
      code,
      number,
      eventId,
      talkId: talk.id,
      sessionTypeId,
      trackId,
      speakers: { create: userIds.map((userId, i) => ({ userId, role: i === 0 ? ("OWNER" as const) : ("COSPEAKER" as const) })) },
      stats: { create: { eventId } },
    },
    select: { id: true },
  });
  // The state it had in the other tool, step by step through the one status writer.
  let from: ProposalStatus = "DRAFT";
  for (const name of pathTo(row.status!)) {
    const applied = await applyTransition(tx, {
      proposalId: proposal.id,
      eventId,
      from,
      name,
      actorId: c.actorId,
      now: c.now,
      origin: "import",
    });
    from = applied.status;
  }
  if (p.pendingDecision && DECIDABLE[from]?.includes(p.pendingDecision)) {
    await tx.proposal.update({ where: { id: proposal.id }, data: { pendingDecision: p.pendingDecision } });
  }
  await tx.importRecord.create({ data: { eventId, source: c.source, kind: "proposal", sourceId: p.sourceId, targetId: proposal.id } });
  return proposal.id;
}
