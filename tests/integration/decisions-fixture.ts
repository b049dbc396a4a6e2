// Shared set-up for the decisions tests (decisions-*.test.ts); not a test file.
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { readResponseToken } from "@/lib/lifecycle/response-token";
import type { Proposal } from "@/lib/generated/prisma/client";

/** Review statistics as the ranking leaves them: the waitlist's order reads them. */
export function giveStats(
  db: Db,
  proposal: Pick<Proposal, "id" | "eventId">,
  stats: { avgScore: number | null; normalizedScore?: number | null },
) {
  return db.proposalStats.create({
    data: {
      proposalId: proposal.id,
      eventId: proposal.eventId,
      reviewCount: stats.avgScore === null ? 0 : 3,
      avgScore: stats.avgScore,
      normalizedScore: stats.normalizedScore ?? null,
    },
  });
}

/** Event settings the decisions pages change. */
export function setDecisionSettings(
  db: Db,
  eventId: string,
  settings: { confirmationDeadline?: Date | null; autoPromoteWaitlist?: boolean; holdOutbox?: boolean },
) {
  return db.event.update({ where: { id: eventId }, data: settings });
}

/** Every message to `to`, oldest first, as (kind, subject, text, status). */
export function mailTo(db: Db, to: string) {
  return db.outboxEmail.findMany({
    where: { to },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, subject: true, text: true, status: true, proposalId: true },
  });
}

/** The /respond/<token> link in an email, read back: whom and what it speaks for. */
export function responseLinkIn(text: string, now?: Date) {
  const match = /https?:\/\/\S+\/respond\/(\S+)/.exec(text);
  expect(match, `a /respond/ link in:\n${text}`).toBeTruthy();
  const token = match![1];
  const check = readResponseToken(token, now);
  if (!check.ok) throw new Error(`the link's token does not verify: ${check.reason}`);
  return { token, ...check.claim };
}

/** A proposal's activity log, oldest first, with the JSON data parsed. */
export async function activityOf(db: Db, proposalId: string) {
  const rows = await db.proposalActivity.findMany({ where: { proposalId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ kind: r.kind, actorId: r.actorId, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** status and pendingDecision of each proposal, in the order given. */
export async function statesOf(db: Db, ...proposals: { id: string }[]) {
  const rows = await db.proposal.findMany({
    where: { id: { in: proposals.map((p) => p.id) } },
    select: { id: true, status: true, pendingDecision: true },
  });
  return proposals.map((p) => {
    const row = rows.find((r) => r.id === p.id)!;
    return { status: row.status, pendingDecision: row.pendingDecision };
  });
}
