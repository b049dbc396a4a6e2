import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/session";
import { REVIEWABLE_STATUSES, type ProposalStatus } from "@/lib/proposals/state-machine";
import { myReview } from "@/lib/reviews/my-review";
import { nextUnreviewed } from "@/lib/reviews/queue";
import { proposalForReviewer } from "@/lib/reviews/reviewer-access";
import { SCORE_MAX } from "@/lib/reviews/schemas";
import { ReviewForm } from "@/components/ReviewForm";
import { ReviewProposalBody } from "@/components/ReviewProposalFacts";
import { forPage } from "@/app/_lib/page-query";
import { saveReviewAction } from "./actions";

export const metadata: Metadata = { title: "Review a proposal" };

type Params = { slug: string; proposalId: string };

export default async function ReviewProposalPage({ params }: { params: Promise<Params> }) {
  const { slug, proposalId } = await params;
  const queueHref = `/review/${slug}`;
  const user = await requirePageUser(`${queueHref}/${proposalId}`);
  const access = await forPage(() => proposalForReviewer(db, user.id, proposalId));
  if (!access.ok) return <NoAccess message={access.message} queueHref={queueHref} />;
  const { proposal } = access.value;
  if (proposal.event.slug !== slug) notFound();

  const [review, next] = await Promise.all([
    myReview(db, user.id, proposal.id),
    nextUnreviewed(db, user.id, proposal.eventId, proposal.id),
  ]);
  const open = REVIEWABLE_STATUSES.includes(proposal.status as ProposalStatus);

  return (
    <div className="stack">
      <p>
        <Link href={queueHref}>← {proposal.event.name}: all proposals</Link>
      </p>
      <article className="card">
        <h1>{proposal.title}</h1>
        <ReviewProposalBody proposal={proposal} />
      </article>
      <section className="card" aria-labelledby="your-review">
        <h2 id="your-review">Your review</h2>
        {open ? (
          <ReviewForm
            action={saveReviewAction}
            proposalId={proposal.id}
            existing={review}
            nextHref={next ? `${queueHref}/${next.id}` : null}
            queueHref={queueHref}
          />
        ) : (
          <>
            <p className="alert alert-info">Reviews are closed: this proposal has been decided.</p>
            {review ? (
              <p>
                You scored it {review.score} / {SCORE_MAX}.{review.comment && ` Your comment: “${review.comment}”`}
              </p>
            ) : (
              <p className="muted">You did not review it.</p>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function NoAccess({ message, queueHref }: { message: string; queueHref: string }) {
  return (
    <div className="stack">
      <h1>You don&apos;t have access</h1>
      <p className="alert alert-error" role="alert">{message}</p>
      <p>
        <Link href={queueHref}>Back to the proposals</Link>
      </p>
    </div>
  );
}
