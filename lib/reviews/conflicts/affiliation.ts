import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { coSpeakerIds, organizerScope } from "@/lib/auth/organizer-scope";
import { conflict, invalid } from "@/lib/errors";
import { dropConflictedWork } from "./cleanup";
import { requireReviewerOf } from "./manage";

export type AffiliationFlag = {
  reviewer: { id: string; name: string | null; email: string };
  speaker: { id: string; name: string | null; email: string };
  company: string;
  /** The match is with the company the event knows for the reviewer, so it already blocks (until dismissed). */
  blocking: boolean;
};

/**
 * Reviewer–speaker pairs of an event whose companies match and that no
 * organizer has confirmed or dismissed yet. A reviewer's company is looked
 * at twice: as the event knows it (EventMember.companyKey, fixed once
 * proposals arrive), whose matches already block the reviewer, and as their
 * profile says now, whose new matches block only once confirmed (ADR 0009).
 * Flags about a speaker the organizer shares a proposal with are not theirs
 * to see or resolve: resolving one steers their own talk's review (ADR 0015).
 */
export async function affiliationFlags(db: Db, actor: SignedIn, eventId: string): Promise<AffiliationFlag[]> {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const ownSide = await coSpeakerIds(db, scope);
  const person = { id: true, name: true, email: true, profile: { select: { company: true, companyKey: true } } } as const;
  const [members, speakers, resolved] = await Promise.all([
    db.eventMember.findMany({
      where: { eventId, OR: [{ companyKey: { not: "" } }, { user: { profile: { companyKey: { not: "" } } } }] },
      select: { companyKey: true, user: { select: person } },
    }),
    db.user.findMany({
      where: { profile: { companyKey: { not: "" } }, proposalRoles: { some: { proposal: { eventId, status: { not: "DRAFT" } } } } },
      select: person,
    }),
    db.speakerConflict.findMany({ where: { eventId }, select: { reviewerId: true, speakerId: true } }),
  ]);
  const done = new Set(resolved.map((r) => `${r.reviewerId}:${r.speakerId}`));
  const byKey = new Map<string, typeof speakers>();
  for (const s of speakers) byKey.set(s.profile!.companyKey, [...(byKey.get(s.profile!.companyKey) ?? []), s]);
  return members.flatMap(({ companyKey: known, user: reviewer }) => {
    const current = reviewer.profile?.companyKey ?? "";
    const keys = [...new Set([known, current].filter(Boolean))];
    return keys.flatMap((key) =>
      (byKey.get(key) ?? [])
        .filter((s) => s.id !== reviewer.id && !ownSide.has(s.id) && !done.has(`${reviewer.id}:${s.id}`))
        .map((s) => ({
          reviewer: { id: reviewer.id, name: reviewer.name, email: reviewer.email },
          speaker: { id: s.id, name: s.name, email: s.email },
          company: s.profile!.company,
          blocking: key === known,
        })),
    );
  });
}

/**
 * An organizer confirms a flagged match (it becomes a conflict) or dismisses
 * it (the reviewer may review that speaker). Only real matches can be
 * resolved, and only once: a second, concurrent resolution is a conflict.
 */
export async function resolveAffiliationFlag(
  db: Db,
  actor: SignedIn,
  eventId: string,
  input: { reviewerId: string; speakerId: string; decision: "confirm" | "dismiss" },
) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  await requireReviewerOf(db, eventId, input.reviewerId);
  const flags = await affiliationFlags(db, actor, eventId);
  if (!flags.some((f) => f.reviewer.id === input.reviewerId && f.speaker.id === input.speakerId)) {
    throw invalid("There is no open affiliation flag for these two people.");
  }
  await db.$transaction(async (tx) => {
    try {
      await tx.speakerConflict.create({
        data: {
          eventId,
          reviewerId: input.reviewerId,
          speakerId: input.speakerId,
          source: "AFFILIATION",
          status: input.decision === "confirm" ? "ACTIVE" : "DISMISSED",
          createdById: actor.userId,
        },
      });
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw conflict("Someone else resolved this flag first.");
      throw e;
    }
    if (input.decision === "confirm") await dropConflictedWork(tx, eventId, input.reviewerId, scope.proposals);
  });
}
