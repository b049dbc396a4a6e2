import type { Metadata } from "next";
import { db } from "@/lib/db";
import { unitsSentence } from "@/lib/reviews/ranking/format";
import { reviewerStats } from "@/lib/reviews/ranking/reviewer-stats";
import { EmptyState } from "@/components/ui/EmptyState";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ReviewerCalibration } from "@/components/ranking/ReviewerCalibration";
import { ReviewerStatsTable } from "@/components/ranking/ReviewerStatsTable";
import { requireOrganizerEvent } from "../../_lib/organizer-event";

export const metadata: Metadata = { title: "Reviewers" };

export default async function ReviewersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/reviewers`);
  const stats = await reviewerStats(db, user.actor, event.id);

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="reviewers" />
      <div>
        <h1>Reviewers</h1>
        <p className="lead">
          How much each reviewer has done, and how they score compared with the whole team. A mean well above or below the team&rsquo;s
          marks a lenient or harsh reviewer; the ranking&rsquo;s normalized score corrects for it.
        </p>
      </div>
      {stats.reviewers.length === 0 ? (
        <EmptyState title="No reviewers yet">
          <p className="muted">Invite reviewers from the Team page.</p>
        </EmptyState>
      ) : (
        <ReviewerStatsTable
          stats={stats}
          caption={`${unitsSentence(stats.criteria)} “Assigned, not done” counts assignments on proposals still open for review.`}
        />
      )}
      <section aria-labelledby="calibration">
        <h2 id="calibration">Calibration</h2>
        <p className="muted">
          Each chart shows a reviewer&rsquo;s scores (filled) against the whole team&rsquo;s (dashed), as shares of each total.
        </p>
        <ReviewerCalibration stats={stats} />
      </section>
    </div>
  );
}
