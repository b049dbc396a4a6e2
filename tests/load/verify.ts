// After the load (and right after the SIGKILL): the database against what the
// server acknowledged, and against the rules that must hold whatever happened.
import type { Db } from "@/lib/db";
import {
  DECIDABLE,
  PUBLISHING_TRANSITIONS,
  SPEAKER_EMAIL_FOR,
  TRANSITIONS,
  type PendingDecision,
  type ProposalStatus,
  type TransitionName,
} from "@/lib/lifecycle/state-machine";
import { reviewScore } from "@/lib/reviews/stats";
import { candidates, lingers, type Attempt } from "./ledger";
import type { LoadEvent } from "./seed";

export type Findings = {
  lostWrites: string[];
  refusedButWritten: string[];
  duplicates: string[];
  illegalStates: string[];
  afterDeadline: string[];
};

export const violations = (f: Findings) => Object.values(f).reduce((n, list) => n + list.length, 0);

const group = <T>(items: T[], key: (t: T) => string) => {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
};

export async function verify(db: Db, ev: LoadEvent, attempts: Attempt[]): Promise<Findings> {
  const f: Findings = { lostWrites: [], refusedButWritten: [], duplicates: [], illegalStates: [], afterDeadline: [] };
  const deadline = ev.cfpClosesAt.getTime();
  const proposals = await db.proposal.findMany({
    where: { eventId: ev.eventId },
    include: { speakers: true, stats: true, activities: { where: { kind: "status" } } },
  });
  const byId = new Map(proposals.map((p) => [p.id, p]));
  type Step = { from: ProposalStatus | null; to: ProposalStatus; transition: TransitionName };
  const stepsOf = new Map(proposals.map((p) => [p.id, p.activities.map((a) => JSON.parse(a.data) as Step)]));
  const titles = group(proposals, (p) => p.title);

  // Speakers' writes: creates, edits (titles are unique per attempt), submissions, withdrawals.
  for (const a of attempts.filter((a) => a.kind === "create")) {
    const found = titles.get(a.value) ?? [];
    if (a.outcome === "ack" && !byId.has(a.proposalId ?? ""))
      f.lostWrites.push(`create ${a.value}: acknowledged as ${a.proposalId}, not in the database`);
    if (a.outcome === "refused" && found.length > 0)
      f.refusedButWritten.push(`create ${a.value}: refused (${a.detail}) but a proposal has its title`);
    if (found.length > 1) f.duplicates.push(`create ${a.value}: ${found.length} proposals`);
  }
  for (const [proposalId, list] of group(
    attempts.filter((a) => a.kind === "edit" || a.kind === "withdraw"),
    (a) => a.target,
  )) {
    const p = byId.get(proposalId);
    if (!p) {
      f.lostWrites.push(`proposal ${proposalId}: edited, not in the database`);
      continue;
    }
    const create = attempts.find((a) => a.kind === "create" && a.proposalId === proposalId);
    const edits = list.filter((a) => a.kind === "edit");
    const seeded = ev.drafts.find((d) => d.id === proposalId)?.title ?? null;
    const allowed = candidates([...(create ? [create] : []), ...edits], seeded);
    if (!allowed.has(p.title))
      f.lostWrites.push(`proposal ${proposalId}: title "${p.title}" is none of the writes that may be last (${[...allowed].join(" | ")})`);
    for (const refused of edits.filter((a) => a.outcome === "refused")) {
      if (p.title === refused.value)
        f.refusedButWritten.push(`proposal ${proposalId}: refused edit ${refused.value} (${refused.detail}) is in the database`);
    }
    if (list.some((a) => a.kind === "withdraw" && a.outcome === "ack") && p.status !== "WITHDRAWN")
      f.lostWrites.push(`proposal ${proposalId}: withdrawal acknowledged, status ${p.status}`);
    if (
      list.some((a) => a.kind === "withdraw" && a.outcome === "refused") &&
      p.status === "WITHDRAWN" &&
      !list.some((a) => a.kind === "withdraw" && a.outcome !== "refused")
    )
      f.refusedButWritten.push(`proposal ${proposalId}: withdrawal refused, status WITHDRAWN`);
  }
  for (const a of attempts.filter((a) => (a.kind === "create" || a.kind === "edit") && a.submit && a.outcome === "ack")) {
    const id = a.kind === "create" ? a.proposalId : a.target;
    const p = id ? byId.get(id) : undefined;
    if (p && (p.status === "DRAFT" || !p.submittedAt) && (a.kind === "create" || /submitted=1/.test(a.detail)))
      f.lostWrites.push(`proposal ${id}: submission acknowledged, status ${p.status}`);
  }

  // Nothing a speaker sent after the deadline was accepted, and no proposal was submitted after it.
  for (const a of attempts.filter((a) => (a.kind === "create" || a.kind === "edit") && a.outcome === "ack" && a.sentAt > deadline)) {
    f.afterDeadline.push(`${a.kind} ${a.value} sent ${a.sentAt - deadline} ms after the deadline was acknowledged`);
  }
  for (const p of proposals) {
    if (p.submittedAt && p.submittedAt.getTime() >= deadline)
      f.afterDeadline.push(`proposal ${p.id} submitted at ${p.submittedAt.toISOString()}, deadline ${ev.cfpClosesAt.toISOString()}`);
  }

  // Reviews: one per reviewer and proposal, the last write's comment with its own scores, none after a decision.
  const reviews = await db.review.findMany({ where: { proposal: { eventId: ev.eventId } }, include: { scores: true } });
  const criteria = await db.reviewCriterion.findMany({ where: { eventId: ev.eventId } });
  for (const [pair, list] of group(reviews, (r) => `${r.proposalId}|${r.reviewerId}`))
    if (list.length > 1) f.duplicates.push(`review ${pair}: ${list.length} rows`);
  const reviewByPair = new Map(reviews.map((r) => [`${r.proposalId}|${r.reviewerId}`, r]));
  for (const [pair, list] of group(
    attempts.filter((a) => a.kind === "review"),
    (a) => a.target,
  )) {
    const r = reviewByPair.get(pair);
    const allowed = candidates(list, null);
    if (!allowed.has(r?.comment ?? null))
      f.lostWrites.push(`review ${pair}: comment ${r?.comment ?? "(no review)"} is none of ${[...allowed].join(" | ")}`);
    for (const refused of list.filter((a) => a.outcome === "refused")) {
      if (r?.comment === refused.value)
        f.refusedButWritten.push(`review ${pair}: refused ${refused.value} (${refused.detail}) is in the database`);
    }
    const sent = list.find((a) => a.value === r?.comment);
    if (r && sent) {
      const stored = Object.fromEntries(criteria.map((c) => [c.id, r.scores.find((s) => s.criterionId === c.id)?.value ?? null]));
      if (JSON.stringify(stored) !== JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, sent.scores?.[c.id] ?? null]))))
        f.illegalStates.push(`review ${pair}: scores ${JSON.stringify(stored)} are not the ones sent with its comment`);
    }
  }
  for (const r of reviews) {
    const expected = reviewScore(criteria, Object.fromEntries(r.scores.map((s) => [s.criterionId, s.value])));
    if (expected === null || Math.abs(expected - r.score) > 1e-9)
      f.illegalStates.push(`review ${r.id}: score ${r.score}, its criteria give ${expected}`);
    const p = byId.get(r.proposalId)!;
    if (p.decidedAt && r.updatedAt.getTime() > p.decidedAt.getTime())
      f.illegalStates.push(`review ${r.id}: written at ${r.updatedAt.toISOString()}, after its proposal was decided`);
    if (p.status === "DRAFT") f.illegalStates.push(`review ${r.id}: on a draft`);
  }

  // Decisions: a pending decision is one that may be last; a publication happened at most once.
  for (const [proposalId, list] of group(
    attempts.filter((a) => a.kind === "decide" || a.kind === "publish"),
    (a) => a.target,
  )) {
    const p = byId.get(proposalId)!;
    const publishes = list.filter((a) => a.kind === "publish");
    const published = publishes.filter((a) => a.outcome === "ack" && a.changed === 1);
    // Each acknowledged publication is a step in the status log (a waitlisted talk can be published twice: waitlisted, then promoted).
    const logged = stepsOf.get(proposalId)!.filter((s) => PUBLISHING_TRANSITIONS.includes(s.transition)).length;
    if (published.length > logged)
      f.lostWrites.push(`proposal ${proposalId}: ${published.length} publications acknowledged, ${logged} in its status log`);
    if (p.status === "SUBMITTED") {
      if (published.length > 0) f.lostWrites.push(`proposal ${proposalId}: publication acknowledged, still submitted`);
      const allowed = candidates(
        list.filter((a) => a.kind === "decide"),
        "null",
      );
      if (!allowed.has(p.pendingDecision ?? "null"))
        f.lostWrites.push(`proposal ${proposalId}: pending ${p.pendingDecision} is none of ${[...allowed].join(" | ")}`);
    } else if (!publishes.some((a) => a.outcome === "ack" || a.outcome === "unknown" || lingers(a))) {
      f.refusedButWritten.push(`proposal ${proposalId}: ${p.status} with no publication acknowledged or unanswered`);
    }
  }

  // Speakers' answers: an acknowledged confirmation or decline is the status (nothing moves a talk on from there here).
  for (const a of attempts.filter((a) => a.kind === "respond")) {
    const p = byId.get(a.target)!;
    if (a.outcome === "ack" && p.status !== a.value) f.lostWrites.push(`proposal ${a.target}: ${a.value} acknowledged, status ${p.status}`);
    if (
      a.outcome === "refused" &&
      p.status === a.value &&
      !attempts.some((b) => b.kind === "respond" && b.target === a.target && b.outcome !== "refused")
    )
      f.refusedButWritten.push(`proposal ${a.target}: ${a.value} refused (${a.detail}), status ${p.status}`);
  }

  // Every proposal: fields that go with its status, a path of legal transitions, one email per speaker and step.
  const emails = await db.outboxEmail.findMany({ where: { eventId: ev.eventId }, select: { proposalId: true, kind: true } });
  const emailsOf = group(emails, (e) => `${e.proposalId}|${e.kind}`);
  const reviewCount = group(reviews, (r) => r.proposalId);
  for (const p of proposals) {
    const status = p.status as ProposalStatus;
    const where = `proposal ${p.id} (${status})`;
    if (status === "DRAFT" && (p.submittedAt || p.decidedAt || p.pendingDecision))
      f.illegalStates.push(`${where}: a draft with submittedAt/decidedAt/pending decision`);
    if (status !== "DRAFT" && status !== "WITHDRAWN" && !p.submittedAt) f.illegalStates.push(`${where}: no submittedAt`);
    if (["ACCEPTED", "WAITLISTED", "REJECTED"].includes(status) && !p.decidedAt)
      f.illegalStates.push(`${where}: published without decidedAt`);
    if (p.pendingDecision && !DECIDABLE[status]?.includes(p.pendingDecision as PendingDecision))
      f.illegalStates.push(`${where}: pending decision ${p.pendingDecision}`);
    if (p.speakers.filter((s) => s.role === "OWNER").length !== 1) f.illegalStates.push(`${where}: ${p.speakers.length} owners`);
    if (!p.stats) f.illegalStates.push(`${where}: no statistics row`);
    else if (p.stats.reviewCount !== (reviewCount.get(p.id)?.length ?? 0))
      f.illegalStates.push(`${where}: statistics count ${p.stats.reviewCount} reviews, there are ${reviewCount.get(p.id)?.length ?? 0}`);

    const steps = stepsOf.get(p.id)!;
    let at: ProposalStatus = "DRAFT";
    const left = [...steps];
    for (
      let step = left.findIndex((s) => (s.from ?? "DRAFT") === at);
      step >= 0;
      step = left.findIndex((s) => (s.from ?? "DRAFT") === at)
    ) {
      const [s] = left.splice(step, 1);
      if (TRANSITIONS[s.transition]?.to !== s.to || !TRANSITIONS[s.transition].from.includes(at))
        f.illegalStates.push(`${where}: illegal step ${s.from} → ${s.to} (${s.transition})`);
      at = s.to;
    }
    if (left.length || at !== status) f.illegalStates.push(`${where}: its status log ${JSON.stringify(steps)} does not lead to its status`);
    for (const [transition, kind] of Object.entries(SPEAKER_EMAIL_FOR)) {
      const expected = steps.filter((s) => s.transition === transition).length * p.speakers.length;
      const sent = emailsOf.get(`${p.id}|${kind}`)?.length ?? 0;
      if (sent !== expected)
        f.duplicates.push(`${where}: ${sent} "${kind}" emails for ${expected / Math.max(1, p.speakers.length)} ${transition} steps`);
    }
  }
  return f;
}
