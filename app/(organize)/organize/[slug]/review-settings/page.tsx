import type { Metadata } from "next";
import { db } from "@/lib/db";
import { eventCriteria } from "@/lib/reviews/criteria/queries";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ReviewSettingsForm } from "@/components/reviews/ReviewSettingsForm";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { updateReviewSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Review settings" };

export default async function ReviewSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event } = await requireOrganizerEvent(slug, `/organize/${slug}/review-settings`);
  const criteria = await eventCriteria(db, event.id);
  return (
    <div className="stack" style={{ maxWidth: 900 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="review-settings" />
      <div>
        <h1>Review settings</h1>
        <p className="lead">How proposals to {event.name} are reviewed.</p>
      </div>
      <div className="card">
        <ReviewSettingsForm
          action={updateReviewSettingsAction.bind(null, event.id)}
          initial={{
            blindReview: event.blindReview,
            reviewVisibility: event.reviewVisibility,
            reviewsPerProposal: String(event.reviewsPerProposal),
            ratingGuide: event.ratingGuide,
            criteria: criteria.map((c) => ({
              id: c.id,
              name: c.name,
              description: c.description,
              minScore: String(c.minScore),
              maxScore: String(c.maxScore),
              weight: String(c.weight),
            })),
          }}
        />
      </div>
    </div>
  );
}
