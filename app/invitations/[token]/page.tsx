import type { Metadata } from "next";
import { currentUser } from "@/lib/sign-in/session";
import { invitationForToken } from "@/lib/cospeakers/view";
import { db } from "@/lib/db";
import { InvitationCard } from "@/components/cospeakers/InvitationCard";
import { respondToInvitationAction } from "./actions";

// The token is in the address: keep it out of search engines and Referer headers.
export const metadata: Metadata = { title: "Co-speaker invitation", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** The page behind the link in a co-speaker invitation: readable without signing in, answered signed in. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  const view = await invitationForToken(db, token, user?.actor);
  return <InvitationCard view={view} token={token} signedInAs={user?.email ?? null} answer={respondToInvitationAction} />;
}
