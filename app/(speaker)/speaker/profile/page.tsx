import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getProfile } from "@/lib/profile/profile";
import { ProfileForm } from "@/components/profile/ProfileForm";
import { updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Speaker profile" };
export const dynamic = "force-dynamic";

export default async function SpeakerProfilePage() {
  const user = await requirePageUser("/speaker/profile");
  const { name, email, profile } = await getProfile(db, user.actor);

  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <div>
        <h1>Speaker profile</h1>
        <p className="lead">Organizers see this next to your proposals. You are signed in as {email}.</p>
      </div>
      <div className="card">
        <ProfileForm
          backupKey={`profile:${user.id}`}
          action={updateProfileAction}
          initial={{
            name: name ?? "",
            bio: profile?.bio ?? "",
            company: profile?.company ?? "",
            location: profile?.location ?? "",
            website: profile?.website ?? "",
            github: profile?.github ?? "",
            mastodon: profile?.mastodon ?? "",
          }}
        />
      </div>
    </div>
  );
}
