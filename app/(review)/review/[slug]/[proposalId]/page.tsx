import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/sign-in/session";
import { REVIEWABLE_STATUSES, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { eventCriteria } from "@/lib/reviews/criteria/queries";
import { listDiscussion } from "@/lib/reviews/discussion";
import { nextUnreviewed, queueNeighbours, queuePosition, reviewerScope } from "@/lib/reviews/queue";
import { reviewerView } from "@/lib/reviews/team-view";
import { scoreDisplay } from "@/lib/reviews/stats";
import { LeaveForConflict } from "@/components/conflicts/LeaveForConflict";
import { planOwnConflict } from "@/lib/reviews/conflicts/declare";
import { DiscussionThread } from "@/components/reviews/DiscussionThread";
import { Markdown } from "@/components/ui/Markdown";
import { ReviewForm } from "@/components/reviews/ReviewForm";
import { ReviewList } from "@/components/reviews/ReviewList";
import { ReviewProposalBody } from "@/components/reviews/ReviewProposalFacts";
import { ReviewShortcuts } from "@/components/reviews/ReviewShortcuts";
import { SpeakerProfileCard } from "@/components/profile/SpeakerProfileCard";
import { addCommentAction } from "@/app/_lib/discussion-actions";
import { forPage } from "@/app/_lib/page-query";
import { parseQueueParams, withQuery } from "../_lib/queue-filter";
import { declareConflictAction, saveReviewAction } from "./actions";
import { readClock } from "@/lib/clock";
import { reviewQuestions, reviewerAnswers } from "@/lib/questions/queries";
import { AnswerList } from "@/components/questions/AnswerList";

// Never the proposal's title or anything about its speakers: titles travel
// in browser history and tab lists.
export const metadata: Metadata = { title: "Review a proposal" };

type Params = { slug: string; proposalId: string };
type SearchParams = Record<string, string | string[] | undefined>;

export default async function ReviewProposalPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug, proposalId } = await params;
  const sp = await searchParams;
  const { filter, query } = parseQueueParams(sp);
  const queueHref = withQuery(`/review/${slug}`, query);
  const user = await requirePageUser(`/review/${slug}/${proposalId}`);
  const access = await forPage(() => reviewerView(db, user.actor, proposalId));
  if (!access.ok) return <NoAccess message={access.message} queueHref={queueHref} />;
  const { proposal, mine, others, stats, speakers } = access.value;
  if (proposal.event.slug !== slug) notFound();

  // The access just checked and the reviewer's queue scope, resolved once for the four loads below.
  const scope = await reviewerScope(db, user.actor, proposal.eventId);
  const [criteria, next, neighbours, place, discussion, answers, questions] = await Promise.all([
    eventCriteria(db, proposal.eventId),
    nextUnreviewed(db, scope, proposal.eventId, proposal.id, filter),
    queueNeighbours(db, scope, proposal.eventId, proposal.id, filter),
    queuePosition(db, scope, proposal.eventId, proposal.id, filter),
    listDiscussion(db, access.value, proposal.id),
    // Blind review decides inside: speaker answers are not even queried while it is on.
    reviewerAnswers(db, access.value),
    reviewQuestions(db, access.value, readClock()),
  ]);
  const open = REVIEWABLE_STATUSES.includes(proposal.status as ProposalStatus);
  // ?confirm=conflict: the dry run of declaring a conflict, for its confirmation.
  const conflictPlan = open && sp.confirm === "conflict" ? await planOwnConflict(db, user.actor, proposal.id) : null;
  const here = withQuery(`/review/${slug}/${proposal.id}`, query);
  const href = (id: string | null) => (id ? withQuery(`/review/${slug}/${id}`, query) : null);
  const previousHref = href(neighbours.previousId);
  const nextHref = href(neighbours.nextId);

  return (
    <div className="stack">
      <nav className="pager" aria-label="Proposals">
        <Link href={queueHref}>← {proposal.event.name}: all proposals</Link>
        <span className="row">
          {place && (
            <span className="muted">
              Proposal {place.position} of {place.total}
            </span>
          )}
          {previousHref ? <Link href={previousHref}>← Previous</Link> : <span className="muted">First proposal</span>}
          {nextHref ? <Link href={nextHref}>Next →</Link> : <span className="muted">Last proposal</span>}
        </span>
      </nav>
      <div className="review-layout">
        <div className="stack">
          <article className="card">
            <h1>{proposal.title}</h1>
            <ReviewProposalBody proposal={proposal} />
          </article>
          {answers.length > 0 && (
            <section className="card" aria-labelledby="answers">
              <h2 id="answers">Answers to the event&apos;s questions</h2>
              <AnswerList answers={answers} />
            </section>
          )}
          {speakers ? (
            <section aria-labelledby="speakers">
              <h2 id="speakers">{speakers.length === 1 ? "Speaker" : "Speakers"}</h2>
              {speakers.map((s) => (
                <SpeakerProfileCard key={s.id} speaker={s} />
              ))}
            </section>
          ) : (
            <p className="muted">Blind review: speakers are hidden so you judge the talk, not the person.</p>
          )}
        </div>
        <aside className="stack" aria-label="Rating guide">
          {proposal.event.ratingGuide.trim() ? (
            <section className="card" aria-labelledby="guide">
              <h2 id="guide">Rating guide</h2>
              <Markdown>{proposal.event.ratingGuide}</Markdown>
            </section>
          ) : null}
          <ReviewShortcuts formId="review-form" nextHref={nextHref} previousHref={previousHref} />
        </aside>
      </div>

      <section className="card" aria-labelledby="your-review">
        <h2 id="your-review">Your review</h2>
        {open ? (
          <ReviewForm
            action={saveReviewAction}
            proposalId={proposal.id}
            criteria={criteria}
            existing={mine}
            nextHref={href(next?.id ?? null)}
            queueHref={queueHref}
            questions={{ list: questions.questions, saved: questions.values }}
            backupKey={`review:${user.id}:${proposal.id}`}
          />
        ) : (
          <>
            <p className="alert alert-info">Reviews are closed: this proposal has been decided.</p>
            {mine ? (
              <p>
                You scored it {scoreDisplay(mine.score, criteria).label}.{mine.comment && ` Your comment: “${mine.comment}”`}
              </p>
            ) : (
              <p className="muted">You did not review it.</p>
            )}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="other-reviews">
        <h2 id="other-reviews">Other reviews</h2>
        {others ? (
          <ReviewList
            reviews={others}
            criteria={criteria}
            average={stats?.avgScore}
            total={stats?.reviewCount}
            timeZone={proposal.event.timeZone}
          />
        ) : proposal.event.reviewVisibility === "NEVER" ? (
          <p className="muted">This event keeps reviews independent: only organizers see them.</p>
        ) : (
          <p className="muted">Other reviews appear once you have saved yours, so they cannot sway it.</p>
        )}
      </section>

      <DiscussionThread comments={discussion} proposalId={proposal.id} action={addCommentAction} timeZone={proposal.event.timeZone} />
      {open && (
        <LeaveForConflict
          action={declareConflictAction}
          proposalId={proposal.id}
          plan={conflictPlan}
          scoreLabel={conflictPlan?.review ? scoreDisplay(conflictPlan.review.score, criteria).label : null}
          openHref={`${here}${query ? "&" : "?"}confirm=conflict#confirm-conflict`}
          closeHref={`${here}#declare-conflict`}
        />
      )}
    </div>
  );
}

function NoAccess({ message, queueHref }: { message: string; queueHref: string }) {
  return (
    <div className="stack">
      <h1>You don&apos;t have access</h1>
      <p className="alert alert-error" role="alert">
        {message}
      </p>
      <p>
        <Link href={queueHref}>Back to the proposals</Link>
      </p>
    </div>
  );
}
