import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/sign-in/session";
import { cfpState } from "@/lib/events/cfp";
import { db } from "@/lib/db";
import { talkToPropose, talksNotProposedTo } from "@/lib/talks/library";
import { ProposalForm } from "@/components/proposals/ProposalForm";
import { cfpSummary } from "../../../cfp-text";
import { loadPublicEvent } from "../load-event";
import { createProposalAction } from "./actions";
import { readClock } from "@/lib/clock";
import { submitterQuestions } from "@/lib/questions/queries";
import { LibraryPicker } from "./LibraryPicker";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadPublicEvent((await params).slug);
  return { title: event ? `Submit a proposal to ${event.name}` : "Event not found" };
}

export default async function SubmitProposalPage({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const event = await loadPublicEvent(slug);
  if (!event) notFound();
  const user = await requirePageUser(`/events/${event.slug}/submit`);
  const questions = await submitterQuestions(db, user.actor, event.id, null, readClock());
  const open = cfpState(event) === "open";
  const talkId = typeof sp.talk === "string" && sp.talk.length <= 64 ? sp.talk : null;
  const [library, fromLibrary] = await Promise.all([
    talksNotProposedTo(db, user.actor, event.id),
    talkId ? talkToPropose(db, user.actor, talkId, event.id) : null,
  ]);
  const talk = fromLibrary && !fromLibrary.existingProposalId ? fromLibrary.talk : null;

  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <div>
        <h1>Submit a proposal</h1>
        <p className="lead">
          To <Link href={`/events/${event.slug}`}>{event.name}</Link>.{open && ` ${cfpSummary(event)}`}
        </p>
      </div>
      {!open ? (
        <p className="alert alert-info">This call for papers is not open, so you cannot propose a talk right now. {cfpSummary(event)}</p>
      ) : event.sessionTypes.length === 0 ? (
        <p className="alert alert-info">The organizers have not set up session types yet. Check back soon.</p>
      ) : (
        <>
          <p>
            Save a draft at any time and come back to it: a title is enough. Only submitted proposals are reviewed; you can still edit a
            submitted proposal until the call for papers closes.
          </p>
          {talkId && !fromLibrary && <p className="alert alert-error">That talk is not in your library.</p>}
          {fromLibrary?.existingProposalId && (
            <p className="alert alert-info">
              You have already proposed this talk to {event.name}:{" "}
              <Link href={`/speaker/proposals/${fromLibrary.existingProposalId}`}>open that proposal</Link>.
            </p>
          )}
          <LibraryPicker talks={library} selected={talk?.id ?? null} />
          <div className="card">
            {talk && (
              <p className="alert alert-info">
                Proposing <strong>{talk.title}</strong> from your library: a copy for this event.
              </p>
            )}
            <ProposalForm
              key={talk?.id ?? "new"}
              talkId={talk?.id}
              backupKey={`proposal-new:${user.id}:${event.id}:${talk?.id ?? ""}`}
              initial={
                talk
                  ? {
                      title: talk.title,
                      abstract: talk.abstract,
                      notes: talk.notes,
                      level: talk.level ?? "",
                      sessionTypeId: "",
                      trackId: "",
                    }
                  : undefined
              }
              action={createProposalAction.bind(null, event.id)}
              sessionTypes={event.sessionTypes.map(({ id, name, durationMinutes }) => ({ id, name, durationMinutes }))}
              tracks={event.tracks.map(({ id, name }) => ({ id, name }))}
              mode="new"
              canSubmit
              questions={{ list: questions.questions, saved: questions.values }}
            />
          </div>
        </>
      )}
    </div>
  );
}
