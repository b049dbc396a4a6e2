import type { Db } from "@/lib/db";
import { can, type Role } from "@/lib/auth/permissions";
import { assertCfpOpen } from "@/lib/events/cfp";
import { eventRole, requireUser } from "@/lib/events/access";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { checkTransition, TRANSITIONS, type ProposalStatus, type TransitionName } from "./state-machine";
import { notifySubmitted } from "./create-proposal";

const STALE = "This proposal changed since you loaded the page. Reload and try again.";

/**
 * The one way a proposal's status changes. The actor's role comes from the
 * database; the update is conditional on the status we checked, so a stale,
 * replayed or forged request changes nothing.
 */
export async function transitionProposal(
  db: Db,
  actorId: string | null | undefined,
  proposalId: string,
  name: TransitionName,
  options: { now?: Date } = {},
) {
  const userId = requireUser(actorId);
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: { event: true, speakers: { where: { userId }, select: { id: true } } },
  });
  if (!proposal) throw notFound("This proposal");

  const isSpeaker = proposal.speakers.length > 0;
  const memberRole = await eventRole(db, userId, proposal.eventId);
  if (!isSpeaker && !memberRole) throw notFound("This proposal");

  // The actor acts in whichever of their roles here grants the transition.
  const { capability } = TRANSITIONS[name];
  const held: Role[] = isSpeaker ? ["SPEAKER"] : [];
  if (memberRole) held.push(memberRole);
  const role = held.find((r) => can(r, capability)) ?? null;
  // Nobody decides on a proposal they speak on.
  if (capability === "proposal:decide" && isSpeaker) throw forbidden("You cannot decide on your own proposal.");

  const from = proposal.status as ProposalStatus;
  const check = checkTransition(name, from, role);
  if (!check.ok) {
    if (check.reason === "wrong_role") throw forbidden();
    throw conflict(`This proposal is ${from.toLowerCase()}, so it cannot be ${pastTense(name)}.`);
  }
  if (name === "submit") assertCfpOpen(proposal.event, options.now);

  const now = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.proposal.updateMany({
      where: { id: proposal.id, eventId: proposal.eventId, status: from },
      data: {
        status: check.to,
        ...(name === "submit" ? { submittedAt: now } : {}),
        ...(name === "accept" || name === "reject" ? { decidedAt: now } : {}),
        ...(name === "reopen" ? { decidedAt: null } : {}),
      },
    });
    if (count === 0) throw conflict(STALE);
    if (name === "submit") await notifySubmitted(tx, proposal.id);
    return { id: proposal.id, eventId: proposal.eventId, status: check.to };
  });
}

function pastTense(name: TransitionName): string {
  return { submit: "submitted", withdraw: "withdrawn", accept: "accepted", reject: "rejected", reopen: "reopened" }[name];
}
