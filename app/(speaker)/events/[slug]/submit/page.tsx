import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { cfpState } from "@/lib/events/cfp";
import { ProposalForm } from "@/components/proposals/ProposalForm";
import { cfpSummary } from "../../../cfp-text";
import { loadPublicEvent } from "../load-event";
import { createProposalAction } from "./actions";
import { db } from "@/lib/db";
import { readClock } from "@/lib/clock";
import { submitterQuestions } from "@/lib/questions/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadPublicEvent((await params).slug);
  return { title: event ? `Submit a proposal to ${event.name}` : "Event not found" };
}

export default async function SubmitProposalPage({ params }: Props) {
  const { slug } = await params;
  const event = await loadPublicEvent(slug);
  if (!event) notFound();
  const user = await requirePageUser(`/events/${event.slug}/submit`);
  const questions = await submitterQuestions(db, user.id, event.id, null, readClock());
  const open = cfpState(event) === "open";

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
            Save a draft at any time and come back to it. Only submitted proposals are reviewed; you can still edit a submitted proposal
            until the call for papers closes.
          </p>
          <div className="card">
            <ProposalForm
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
