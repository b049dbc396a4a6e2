import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { formatInZone } from "@/lib/events/time-zone";
import { getProposalForOrganizer } from "@/lib/proposals/organizer-list";
import { DECIDABLE, publishTransition, type PendingDecision, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { DecisionPanel } from "@/components/decisions/DecisionPanel";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { DiscussionThread } from "@/components/reviews/DiscussionThread";
import { ReviewList } from "@/components/reviews/ReviewList";
import { listDiscussion } from "@/lib/reviews/discussion";
import { addCommentAction } from "@/app/_lib/discussion-actions";
import { forPage, loadOrNotFound } from "@/app/_lib/page-query";
import { eventCriteria } from "@/lib/reviews/criteria/queries";
import { SpeakerProfileCard } from "@/components/profile/SpeakerProfileCard";
import { ProposalScoreDistribution } from "@/components/ranking/ProposalScoreDistribution";
import { ReviewProposalBody } from "@/components/reviews/ReviewProposalFacts";
import { PendingBadge, StatusBadge } from "@/components/proposals/StatusBadge";
import { ActivityLog } from "@/components/activity/ActivityLog";
import { proposalActivity } from "@/lib/activity/log";
import { requireOrganizerEvent } from "../../../_lib/organizer-event";
import { decideAction } from "../../decisions/actions";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { organizerAnswers } from "@/lib/questions/queries";
import { AnswerList } from "@/components/questions/AnswerList";
import { setProposalTagsAction } from "../../tags/actions";
import { eventTags } from "@/lib/tags/queries";
import { likelyDuplicates } from "@/lib/duplicates/likely-duplicates";
import { ProposalTagsForm } from "@/components/tags/ProposalTagsForm";
import { TagBadges } from "@/components/tags/TagBadges";
import { DuplicateBadge } from "@/components/proposals/DuplicateBadge";

export const metadata: Metadata = { title: "Proposal" };

export default async function OrganizerProposalPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ activity?: string | string[] }>;
}) {
  const { slug, id } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/proposals/${id}`);
  const [proposal, criteria] = await Promise.all([getProposalForOrganizer(db, user.actor, event.id, id), eventCriteria(db, event.id)]);
  // An organizer who speaks on a proposal gets "not found": another organizer decides on it.
  if (!proposal) notFound();
  const activityPage = Number((await searchParams).activity) || 1;
  const [discussion, activity, answers, tags, duplicates] = await Promise.all([
    forPage(() => listDiscussion(db, user.actor, proposal.id)),
    loadOrNotFound(proposalActivity(db, user.actor, event.id, proposal.id, activityPage)),
    loadOrNotFound(organizerScope(db, user.actor, event.id, "proposal:list-all").then((scope) => organizerAnswers(db, scope, proposal.id))),
    eventTags(db, user.actor, event.id),
    likelyDuplicates(db, user.actor, event.id, { onlyFor: [proposal.id] }),
  ]);
  const answerCount = answers.proposal.length + answers.speakers.length + answers.reviews.length;
  const ownTags = proposal.tags.map((t) => t.tag);
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
          <span className="row">
            <StatusBadge status={status} />
            <PendingBadge decision={proposal.pendingDecision} />
          </span>
        </div>
        <ul className="meta">
          <li>Submitted {proposal.submittedAt ? formatInZone(proposal.submittedAt, event.timeZone) : "—"}</li>
          {proposal.decidedAt && <li>Decided {formatInZone(proposal.decidedAt, event.timeZone)}</li>}
        </ul>
        <TagBadges tags={ownTags} />
        <DuplicateBadge slug={slug} links={duplicates.get(proposal.id)} />
        <ReviewProposalBody proposal={proposal} />
      </article>

      {answerCount > 0 && (
        <section className="card" aria-labelledby="answers">
          <h2 id="answers">Answers</h2>
          {answers.proposal.length > 0 && <AnswerList answers={answers.proposal} />}
          {answers.speakers.length > 0 && (
            <>
              <h3>About the speakers</h3>
              <AnswerList answers={answers.speakers} />
            </>
          )}
          {answers.reviews.length > 0 && (
            <>
              <h3>From the reviews</h3>
              <AnswerList answers={answers.reviews.map((a) => ({ ...a, speaker: a.reviewer }))} />
            </>
          )}
        </section>
      )}
      {tags.length > 0 ? (
        <section className="card" aria-label="Tags">
          <ProposalTagsForm
            action={setProposalTagsAction.bind(null, event.id, proposal.id)}
            tags={tags}
            checked={ownTags.map((t) => t.id)}
          />
        </section>
      ) : (
        <p className="muted">
          <Link href={`/organize/${slug}/tags`}>Create tags</Link> to label proposals.
        </p>
      )}

      <section className="card" aria-labelledby="decision">
        <h2 id="decision">Decision</h2>
        <DecisionPanel
          action={decideAction.bind(null, event.id)}
          proposalId={proposal.id}
          allowed={DECIDABLE[status] ?? []}
          pending={proposal.pendingDecision}
          publishable={publishTransition(status, proposal.pendingDecision as PendingDecision | null) !== null}
        />
      </section>

      <section aria-labelledby="speakers">
        <h2 id="speakers">{proposal.speakers.length === 1 ? "Speaker" : "Speakers"}</h2>
        {proposal.speakers.map((s) => (
          <div key={s.id}>
            <SpeakerProfileCard speaker={s} />
            <p className="hint">
              <Link href={`/organize/${slug}/speakers/${s.userId}/erase`}>Erase this speaker&apos;s data on request</Link>
            </p>
          </div>
        ))}
      </section>

      <section className="card" aria-labelledby="score-distribution">
        <h2 id="score-distribution">Score distribution</h2>
        <ProposalScoreDistribution
          scores={proposal.reviews.map((r) => r.score)}
          criteria={criteria}
          normalized={proposal.stats?.normalizedScore ?? null}
          reviewsPerProposal={event.reviewsPerProposal}
        />
      </section>

      <section className="card" aria-labelledby="assigned">
        <h2 id="assigned">Assigned reviewers</h2>
        {proposal.assignments.length === 0 ? (
          <p className="muted">
            Nobody is assigned to this proposal. <Link href={`/organize/${slug}/assignments`}>Assign reviewers</Link>
          </p>
        ) : (
          <ul>
            {proposal.assignments.map((a) => (
              <li key={a.id}>
                {a.reviewer.name || a.reviewer.email}
                {" · "}
                {proposal.reviews.some((r) => r.reviewerId === a.reviewerId) ? "reviewed" : "not reviewed yet"}
                {a.source === "AUTO" && <span className="muted"> (assigned automatically)</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="reviews">
        <h2 id="reviews">Reviews</h2>
        <ReviewList reviews={proposal.reviews} criteria={criteria} average={proposal.stats?.avgScore} timeZone={event.timeZone} />
      </section>

      {discussion.ok ? (
        <DiscussionThread comments={discussion.value} proposalId={proposal.id} action={addCommentAction} timeZone={event.timeZone} />
      ) : (
        <p className="muted">{discussion.message}</p>
      )}

      <ActivityLog
        log={activity}
        timeZone={event.timeZone}
        pageHref={(page) => `/organize/${slug}/proposals/${proposal.id}?activity=${page}#activity`}
      />
    </div>
  );
}
