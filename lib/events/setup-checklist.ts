import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";

export type SetupStepKey = "description" | "formats" | "rating-guide" | "team" | "questions" | "emails";
export type SetupStep = { key: SetupStepKey; done: boolean };

/**
 * What a new event still needs before its call for papers is worth sharing, in the order an organizer
 * sets it up: each step done or not, read from the event as it is (nothing stored about the list).
 */
export async function setupChecklist(db: DbTx, actor: SignedIn, eventId: string): Promise<SetupStep[]> {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const [event, sessionTypes, reviewers, questions, templates] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { description: true, ratingGuide: true } }),
    db.sessionType.count({ where: { eventId } }),
    db.eventMember.count({ where: { eventId, role: "REVIEWER" } }),
    db.question.count({ where: { eventId } }),
    db.emailTemplate.count({ where: { eventId } }),
  ]);
  return [
    { key: "description", done: event.description.trim() !== "" },
    { key: "formats", done: sessionTypes > 0 },
    { key: "rating-guide", done: event.ratingGuide.trim() !== "" },
    { key: "team", done: reviewers > 0 },
    { key: "questions", done: questions > 0 },
    { key: "emails", done: templates > 0 },
  ];
}
