import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ConflictSet {
  isConflicted(reviewerId: string, proposalId: string): boolean;
}

const key = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * The conflict rule in bulk, for automatic assignment: every conflicted
 * (team member, proposal) pair of an event, for the proposals matching
 * `proposalWhere`, in six queries whatever the sizes. The rule is the one
 * conflictedProposalIds (lib/reviews/conflicts/filter.ts) applies for one
 * reviewer from their side; tests/integration/conflict-evaluators.test.ts
 * proves the two equal on every pair. A member is conflicted with a proposal when:
 * - one of its speakers has ever shared a proposal with them (themselves included);
 * - a ProposalConflict names the two;
 * - an ACTIVE SpeakerConflict names them and one of its speakers;
 * - one of its speakers (not themselves) has the company key the event knows
 *   for the member (EventMember.companyKey), unless a DISMISSED
 *   SpeakerConflict says an organizer looked at the match.
 */
export async function loadConflictSet(db: DbTx, eventId: string, proposalWhere: Prisma.ProposalWhereInput = {}): Promise<ConflictSet> {
  const proposals: Prisma.ProposalWhereInput = { ...proposalWhere, eventId };
  // One query at a time: this also runs inside the assignment transaction, one connection (pg refuses parallel queries there).
  const members = await db.eventMember.findMany({ where: { eventId }, select: { userId: true, companyKey: true } });
  const speakerRows = await db.proposalSpeaker.findMany({
    where: { proposal: proposals },
    select: { proposalId: true, userId: true, user: { select: { profile: { select: { companyKey: true } } } } },
  });
  const declared = await db.proposalConflict.findMany({ where: { proposal: proposals }, select: { proposalId: true, reviewerId: true } });
  const speakerConflicts = await db.speakerConflict.findMany({
    where: { eventId },
    select: { reviewerId: true, speakerId: true, status: true },
  });
  const memberIds = members.map((m) => m.userId);
  // Everyone who ever shared a proposal (any event, any status) with a member, themselves included:
  // the members' own proposals, then everyone on them. Both lists are short.
  const ownRoles = await db.proposalSpeaker.findMany({ where: { userId: { in: memberIds } }, select: { proposalId: true } });
  const shared = await db.proposalSpeaker.findMany({
    where: { proposalId: { in: [...new Set(ownRoles.map((r) => r.proposalId))] } },
    select: { proposalId: true, userId: true },
  });

  // Per speaker, the members who may not review anything they are on, whatever their company.
  const memberSet = new Set(memberIds);
  const blockedBy = new Map<string, Set<string>>();
  const block = (memberId: string, speakerId: string) => {
    const members = blockedBy.get(speakerId);
    if (members) members.add(memberId);
    else blockedBy.set(speakerId, new Set([memberId]));
  };
  const dismissed = new Set<string>();
  for (const c of speakerConflicts) {
    if (c.status === "ACTIVE") block(c.reviewerId, c.speakerId);
    else dismissed.add(key(c.reviewerId, c.speakerId));
  }
  for (const people of groupBy(
    shared,
    (s) => s.proposalId,
    (s) => s.userId,
  ).values()) {
    for (const m of people) if (memberSet.has(m)) for (const s of people) block(m, s);
  }
  const membersByCompany = groupBy(
    members.filter((m) => m.companyKey),
    (m) => m.companyKey,
    (m) => m.userId,
  );

  // Proposal id → conflicted member ids: most proposals have none, so a lookup is one miss.
  const conflicted = new Map<string, Set<string>>();
  const add = (memberId: string, proposalId: string) => {
    const members = conflicted.get(proposalId);
    if (members) members.add(memberId);
    else conflicted.set(proposalId, new Set([memberId]));
  };
  for (const c of declared) add(c.reviewerId, c.proposalId);
  for (const { proposalId, userId: speakerId, user } of speakerRows) {
    for (const m of blockedBy.get(speakerId) ?? []) add(m, proposalId);
    const company = user.profile?.companyKey;
    for (const m of company ? (membersByCompany.get(company) ?? []) : []) {
      if (m !== speakerId && !dismissed.has(key(m, speakerId))) add(m, proposalId);
    }
  }
  return { isConflicted: (reviewerId, proposalId) => conflicted.get(proposalId)?.has(reviewerId) ?? false };
}

function groupBy<T, V>(items: T[], keyOf: (item: T) => string, valueOf: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(valueOf(item));
    else groups.set(k, [valueOf(item)]);
  }
  return groups;
}
