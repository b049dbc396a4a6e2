import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { formatInZone } from "@/lib/events/time-zone";
import { getProposalForOrganizer } from "@/lib/proposals/organizer-list";
import { availableTransitions, type ProposalStatus } from "@/lib/proposals/state-machine";
import { OrganizerDecisionForms } from "@/components/OrganizerDecisionForms";
import { OrganizerEventNav } from "@/components/OrganizerEventNav";
import { ReviewList } from "@/components/ReviewList";
import { eventCriteria } from "@/lib/reviews/criteria/queries";
import { OrganizerSpeakerProfile } from "@/components/OrganizerSpeakerProfile";
import { ProposalScoreDistribution } from "@/components/ranking/ProposalScoreDistribution";
import { ReviewProposalBody } from "@/components/ReviewProposalFacts";
import { StatusBadge } from "@/components/StatusBadge";
import { requireOrganizerEvent } from "../../../_lib/organizer-event";
import { decideProposalAction } from "./actions";

export const metadata: Metadata = { title: "Proposal" };

export default async function OrganizerProposalPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/proposals/${id}`);
  const [proposal, criteria] = await Promise.all([getProposalForOrganizer(db, user.id, event.id, id), eventCriteria(db, event.id)]);
  if (!proposal) notFound();
  const ownProposal = proposal.speakers.some((s) => s.userId === user.id);
  const status = proposal.status as ProposalStatus;

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="proposals" />
      <p>
        <Link href={`/organize/${slug}`}>← All proposals</Link>
      </p>
      <article className="card">
        <div className="page-head" style={{ marginBottom: 0 }}>
          <h1>{proposal.title}</h1>
          <StatusBadge status={status} />
        </div>
        <ul className="meta">
          <li>Submitted {proposal.submittedAt ? formatInZone(proposal.submittedAt, event.timeZone) : "—"}</li>
          {proposal.decidedAt && <li>Decided {formatInZone(proposal.decidedAt, event.timeZone)}</li>}
        </ul>
        <ReviewProposalBody proposal={proposal} />
      </article>

      <section className="card" aria-labelledby="decision">
        <h2 id="decision">Decision</h2>
        {ownProposal ? (
          <p className="alert alert-info">You speak on this proposal, so another organizer decides on it.</p>
        ) : (
          <OrganizerDecisionForms action={decideProposalAction} proposalId={proposal.id} decisions={availableTransitions(status, "ORGANIZER")} />
        )}
      </section>

      <section aria-labelledby="speakers">
        <h2 id="speakers">{proposal.speakers.length === 1 ? "Speaker" : "Speakers"}</h2>
        {proposal.speakers.map((s) => (
          <OrganizerSpeakerProfile key={s.id} speaker={s} />
        ))}
      </section>

      {!ownProposal && (
        <section className="card" aria-labelledby="score-distribution">
          <h2 id="score-distribution">Score distribution</h2>
          <ProposalScoreDistribution
            scores={proposal.reviews.map((r) => r.score)}
            criteria={criteria}
            normalized={proposal.stats?.normalizedScore ?? null}
            reviewsPerProposal={event.reviewsPerProposal}
          />
        </section>
      )}

      <section aria-labelledby="reviews">
        <h2 id="reviews">Reviews</h2>
        {ownProposal ? (
          <p className="muted">Reviews of your own proposal are hidden from you.</p>
        ) : (
          <ReviewList reviews={proposal.reviews} criteria={criteria} average={proposal.stats?.avgScore} />
        )}
      </section>
    </div>
  );
}
