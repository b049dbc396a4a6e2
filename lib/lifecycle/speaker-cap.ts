import type { DbTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { providerOf } from "@/lib/db/provider";
import { conflict } from "@/lib/errors";

/** What counts against the cap: everything a speaker submitted and did not withdraw. */
export const COUNTED_STATUSES = ["SUBMITTED", "ACCEPTED", "WAITLISTED", "REJECTED", "CONFIRMED", "DECLINED"] as const;

/**
 * The event's cap on proposals per speaker (Event.maxProposalsPerSpeaker),
 * checked for every speaker of the proposal being submitted, inside the
 * submitting transaction (applyTransition). Atomic on both databases: SQLite
 * runs one transaction at a time (ADR 0013); on PostgreSQL the proposal's
 * row is locked first (so a co-speaker accepting an invitation to it,
 * assertMayJoin, takes turns with this check), then its speakers' User rows
 * in id order, so a concurrent submission or acceptance by the same speaker
 * waits for this one to commit and then counts it.
 */
export async function assertUnderSpeakerCap(tx: DbTx, proposalId: string, eventId: string, actorId: string): Promise<void> {
  const cap = await capOf(tx, eventId);
  if (cap == null) return;
  await lockProposal(tx, proposalId);
  const speakers = await tx.proposalSpeaker.findMany({
    where: { proposalId },
    orderBy: { userId: "asc" },
    select: { userId: true, user: { select: { name: true } } },
  });
  if (speakers.length === 0) return;
  await lockUsers(
    tx,
    speakers.map((s) => s.userId),
  );
  for (const s of speakers) {
    const already = await countedElsewhere(tx, eventId, s.userId, proposalId);
    if (already >= cap) {
      const who = s.userId === actorId ? "You already have" : `${s.user.name || "A co-speaker"} already has`;
      throw conflict(
        `${who} ${already} proposal${already === 1 ? "" : "s"} submitted to this event, the most it accepts per speaker (${cap}). ` +
          "Withdraw one to submit this one; it stays saved as a draft.",
      );
    }
  }
}

/**
 * The cap for someone joining a proposal as a co-speaker (accepting an
 * invitation, lib/cospeakers/respond.ts), inside the accepting transaction:
 * a submitted or decided proposal counts for them at once, so their other
 * counted proposals of the event must be fewer than the cap. A draft counts
 * only when it is submitted (assertUnderSpeakerCap then checks them). Takes
 * the same locks as the submit check, proposal first, so two acceptances, or
 * an acceptance and a submission, by the same person take turns.
 */
export async function assertMayJoin(tx: DbTx, proposalId: string, userId: string): Promise<void> {
  await lockProposal(tx, proposalId);
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { eventId: true, status: true, speakers: { where: { userId }, select: { userId: true } } },
  });
  if (!(COUNTED_STATUSES as readonly string[]).includes(proposal.status) || proposal.speakers.length > 0) return;
  const cap = await capOf(tx, proposal.eventId);
  if (cap == null) return;
  await lockUsers(tx, [userId]);
  const already = await countedElsewhere(tx, proposal.eventId, userId, proposalId);
  if (already >= cap) {
    throw conflict(
      `You already speak on ${already} proposal${already === 1 ? "" : "s"} submitted to this event, the most it accepts per speaker (${cap}). ` +
        "The invitation stays open: withdraw one of them to join this one, or decline it.",
    );
  }
}

async function capOf(tx: DbTx, eventId: string): Promise<number | null> {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { maxProposalsPerSpeaker: true } });
  return event?.maxProposalsPerSpeaker ?? null;
}

async function countedElsewhere(tx: DbTx, eventId: string, userId: string, proposalId: string): Promise<number> {
  return tx.proposal.count({
    where: { eventId, id: { not: proposalId }, status: { in: [...COUNTED_STATUSES] }, speakers: { some: { userId } } },
  });
}

async function lockProposal(tx: DbTx, proposalId: string): Promise<void> {
  if (providerOf(tx) === "postgresql") await tx.$queryRaw`SELECT "id" FROM "Proposal" WHERE "id" = ${proposalId} FOR UPDATE`;
}

/** In id order, so two transactions locking overlapping sets cannot deadlock. */
async function lockUsers(tx: DbTx, ids: string[]): Promise<void> {
  if (providerOf(tx) !== "postgresql") return;
  const sorted = Prisma.join([...ids].sort());
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" IN (${sorted}) ORDER BY "id" FOR UPDATE`;
}
