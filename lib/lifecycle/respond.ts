import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { DomainError, forbidden } from "@/lib/errors";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { readResponseToken } from "./response-token";

const REFUSED = {
  malformed: "This link is not valid. Use the link from your email, or sign in to respond.",
  forged: "This link is not valid. Use the link from your email, or sign in to respond.",
  expired: "This link has expired. Sign in to see your proposal, or contact the organizers.",
} as const;

/** Who a confirmation link speaks for, or why it cannot be used. */
export function checkResponseLink(token: string, now?: Date) {
  const check = readResponseToken(token, now);
  if (!check.ok) throw new DomainError("forbidden", REFUSED[check.reason]);
  return check.claim;
}

/**
 * A speaker confirms or declines from the link in their email, without
 * signing in: the signed link names them, and transitionProposal checks
 * in the database that they still speak on the proposal and that it is
 * still waiting for an answer.
 */
export async function respondByLink(db: Db, token: string, answer: "confirm" | "decline", now = systemClock.now()) {
  const claim = checkResponseLink(token, now);
  try {
    // The signed link proves who is answering, as a session would (ADR 0016).
    return await transitionProposal(db, signedInAs(claim.userId), claim.proposalId, answer, { now });
  } catch (e) {
    if (e instanceof DomainError && e.code === "not_found") throw forbidden(REFUSED.forged);
    throw e;
  }
}

/** What the link's page shows: the proposal as its speaker sees it (no internal decision). */
export async function proposalForLink(db: Db, token: string, now?: Date) {
  const claim = checkResponseLink(token, now);
  const proposal = await db.proposal.findFirst({
    where: { id: claim.proposalId, speakers: { some: { userId: claim.userId } } },
    select: {
      id: true,
      title: true,
      status: true,
      decidedAt: true,
      event: { select: { name: true, timeZone: true, confirmationDeadline: true } },
    },
  });
  if (!proposal) throw forbidden(REFUSED.forged);
  return proposal;
}
