import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { CAP_MESSAGE, isReviewCap, type ReviewerPreferences } from "./schemas";

/**
 * Sets how many proposals automatic assignment may give a reviewer in total
 * (null: no cap) and the tracks it should favour for them, all tracks of
 * this event. Replaces the previous choice.
 */
export async function updateReviewerPreferences(db: Db, actor: SignedIn, eventId: string, memberId: string, input: ReviewerPreferences) {
  await authorizeEvent(db, actor, eventId, "review:manage");
  const trackIds = [...new Set(input.trackIds)];
  const [member, tracks] = await Promise.all([
    db.eventMember.findFirst({ where: { id: memberId, eventId, role: "REVIEWER" }, select: { id: true } }),
    db.track.count({ where: { eventId, id: { in: trackIds } } }),
  ]);
  if (!member) throw notFound("This reviewer");
  if (!isReviewCap(input.reviewCap)) throw invalid(CAP_MESSAGE, { reviewCap: CAP_MESSAGE });
  if (tracks !== trackIds.length) throw invalid("Choose tracks of this event.", { trackIds: "Choose tracks of this event." });
  await db.$transaction([
    db.eventMember.update({ where: { id: member.id }, data: { reviewCap: input.reviewCap } }),
    db.reviewerTrack.deleteMany({ where: { memberId: member.id } }),
    db.reviewerTrack.createMany({ data: trackIds.map((trackId) => ({ memberId: member.id, trackId })) }),
  ]);
}
