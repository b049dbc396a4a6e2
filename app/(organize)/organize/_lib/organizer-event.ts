import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/session";
import { getEventWithRole } from "@/lib/events/queries";

/**
 * For organizer pages: the signed-in user and the event they organize.
 * Anyone else (reviewers included) gets the 404 page, so slugs reveal nothing.
 */
export async function requireOrganizerEvent(slug: string, path: string) {
  const user = await requirePageUser(path);
  const { event, role } = await getEventWithRole(db, user.id, slug);
  if (!event || role !== "ORGANIZER") notFound();
  return { user, event };
}
