import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/sign-in/session";
import { getEventWithRole } from "@/lib/events/queries";

/** What opens the organizer area of an event, in the permission table (lib/auth/permissions.ts): organizers only. */
export const ORGANIZE_CAPABILITY = "proposal:list-all";

/**
 * For organizer pages: the signed-in user and the event they organize.
 * Anyone else (reviewers included) gets the 404 page, so slugs reveal nothing.
 */
export async function requireOrganizerEvent(slug: string, path: string) {
  const user = await requirePageUser(path);
  const { event, role } = await getEventWithRole(db, user.actor, slug);
  if (!event || !can(role, ORGANIZE_CAPABILITY)) notFound();
  return { user, event };
}
