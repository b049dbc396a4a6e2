import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";

/**
 * What the organizers' "declare a conflict" form offers: the team members,
 * and the proposals and speakers a conflict can be declared with: those the
 * organizer may handle (lib/auth/organizer-scope.ts), and no speaker they
 * share a proposal with.
 */
export async function conflictChoices(db: Db, actor: SignedIn, eventId: string) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const visible = scope.proposals;
  const ownProposal = { proposal: { eventId, speakers: { some: { userId: scope.actorId } } } };
  const person = { id: true, name: true, email: true } as const;
  const [members, proposals, speakers] = await Promise.all([
    db.eventMember.findMany({ where: { eventId }, select: { role: true, user: { select: person } } }),
    db.proposal.findMany({ where: visible, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
    db.user.findMany({ where: { proposalRoles: { some: { proposal: visible }, none: ownProposal } }, select: person }),
  ]);
  const byName = (a: { name: string | null; email: string }, b: { name: string | null; email: string }) =>
    (a.name || a.email).localeCompare(b.name || b.email);
  return {
    // Reviewers first: organizers review too, but are rarely the ones in question.
    members: members
      .map((m) => ({ ...m.user, role: m.role }))
      .sort((a, b) => (a.role === b.role ? byName(a, b) : a.role === "REVIEWER" ? -1 : 1)),
    proposals,
    speakers: speakers.sort(byName),
  };
}
