import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { getProfile } from "@/lib/profile/profile";
import { ProfileForm } from "@/components/profile/ProfileForm";
import { saveSpeakerAnswersAction, updateProfileAction } from "./actions";
import { speakerQuestionsByEvent } from "@/lib/questions/speaker-answers";
import { SpeakerQuestionsForm } from "@/components/questions/SpeakerQuestionsForm";

export const metadata: Metadata = { title: "Speaker profile" };
export const dynamic = "force-dynamic";

export default async function SpeakerProfilePage() {
  const user = await requirePageUser("/speaker/profile");
  const [{ name, email, profile }, events] = await Promise.all([getProfile(db, user.actor), speakerQuestionsByEvent(db, user.actor)]);

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
      {events.map((e) => (
        <section key={e.id} className="card" aria-labelledby={`questions-${e.id}`}>
          <h2 id={`questions-${e.id}`}>{e.name}: questions about you</h2>
          <p className="muted">
            Asked once for all your proposals to this event. Its organizers read them; reviewers only when review is not blind and the
            organizers share the question.
          </p>
          <SpeakerQuestionsForm action={saveSpeakerAnswersAction.bind(null, e.id)} questions={e.questions} saved={e.values} />
        </section>
      ))}
      <section className="card" aria-labelledby="your-data">
        <h2 id="your-data">Your data</h2>
        <p>
          <a href="/speaker/profile/data" download>
            Download everything we hold about you
          </a>{" "}
          (JSON).
        </p>
        <p>
          <Link href="/speaker/profile/delete">Delete your account</Link>: you will see what happens to your proposals and reviews before
          anything is deleted.
        </p>
      </section>
    </div>
  );
}
