import type { Db } from "@/lib/db";
import { requireEventCapability } from "@/lib/events/access";

/**
 * What the organizers' "declare a conflict" form offers: the team members,
 * and the proposals and speakers a conflict can be declared with (drafts are
 * the speaker's business and are left out).
 */
export async function conflictChoices(db: Db, actorId: string | null | undefined, eventId: string) {
  await requireEventCapability(db, actorId, eventId, "review:manage");
  const visible = { eventId, status: { not: "DRAFT" as const } };
  const person = { id: true, name: true, email: true } as const;
  const [members, proposals, speakers] = await Promise.all([
    db.eventMember.findMany({ where: { eventId }, select: { role: true, user: { select: person } } }),
    db.proposal.findMany({ where: visible, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
    db.user.findMany({ where: { proposalRoles: { some: { proposal: visible } } }, select: person }),
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
