import type { Metadata } from "next";
import { Pagination } from "@/components/ui/Pagination";
import Link from "next/link";
import { z } from "zod";
import { db } from "@/lib/db";
import { assignmentOverview } from "@/lib/assignment/overview";
import { EmptyState } from "@/components/ui/EmptyState";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { CoverageSummary } from "@/components/assignment/CoverageSummary";
import { ProposalAssignments } from "@/components/assignment/ProposalAssignments";
import { ReviewerTable } from "@/components/assignment/ReviewerTable";
import { AssignmentPreview } from "@/components/assignment/AssignmentPreview";
import { ConfirmStep, ConfirmTrigger } from "@/components/ui/Confirm";
import { planAutoAssignment } from "@/lib/assignment/run-assignment";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { assignReviewerAction, runAutoAssignmentAction, unassignReviewerAction, updateReviewerPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Assignments" };

const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function AssignmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const path = `/organize/${slug}/assignments`;
  const { user, event } = await requireOrganizerEvent(slug, path);
  const sp = await searchParams;
  const view = await assignmentOverview(db, user.actor, event.id, pageParam.parse(sp.page));
  // ?confirm=assign: the dry run of automatic assignment, for its confirmation.
  const plan = sp.confirm === "assign" ? await planAutoAssignment(db, user.actor, event.id) : null;
  const pageHref = (page: number) => `/organize/${slug}/assignments${page > 1 ? `?page=${page}` : ""}`;
  const n = view.summary.reviewersPerProposal;

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="assignments" />
      <div>
        <h1>Assignments</h1>
        <p className="lead">
          Each proposal under review should get {n} {n === 1 ? "reviewer" : "reviewers"}. A reviewer who already reviewed a proposal counts
          as one of them. Reviewers see their assigned proposals first.
        </p>
      </div>

      <section className="card" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Coverage</h2>
        <CoverageSummary slug={slug} summary={view.summary} />
        <p className="hint" style={{ marginTop: "1rem" }}>
          Automatic assignment keeps every existing assignment, never assigns across a conflict or beyond a reviewer&apos;s cap, spreads the
          work evenly and favours preferred tracks. Organizers are not assigned. Running it again only fills gaps.
        </p>
        <ConfirmTrigger id="run-assignment" href={`${path}?confirm=assign#confirm-assign`} open={!!plan} variant="primary">
          Run automatic assignment…
        </ConfirmTrigger>
        {plan && (
          <ConfirmStep
            id="confirm-assign"
            level={3}
            title="Run automatic assignment?"
            action={runAutoAssignmentAction.bind(null, event.id)}
            fields={{ fingerprint: plan.fingerprint }}
            confirmLabel={`Assign and email ${plan.recipients.length} ${plan.recipients.length === 1 ? "reviewer" : "reviewers"}`}
            pendingText="Assigning…"
            cancelHref={`${path}#run-assignment`}
            canConfirm={plan.result.added > 0}
          >
            <AssignmentPreview plan={plan} />
          </ConfirmStep>
        )}
      </section>

      <section aria-labelledby="reviewers-heading">
        <h2 id="reviewers-heading">Reviewers</h2>
        {view.reviewers.length === 0 ? (
          <EmptyState title="No reviewers yet">
            <p>
              <Link href={`/organize/${slug}/team`}>Invite reviewers on the Team page</Link>
            </p>
          </EmptyState>
        ) : (
          <ReviewerTable reviewers={view.reviewers} tracks={view.tracks} action={updateReviewerPreferencesAction.bind(null, event.id)} />
        )}
      </section>

      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">Proposals under review</h2>
        {view.proposals.length === 0 ? (
          <EmptyState title="No proposals under review">
            <p className="muted">Submitted proposals appear here until they are decided.</p>
          </EmptyState>
        ) : (
          <>
            <p className="muted">Fewest reviewers first.</p>
            <ProposalAssignments
              rows={view.proposals}
              reviewersPerProposal={n}
              assignAction={assignReviewerAction.bind(null, event.id)}
              unassignAction={unassignReviewerAction.bind(null, event.id)}
            />
            <Pagination page={view.page} pages={view.pages} href={pageHref} />
          </>
        )}
      </section>
    </div>
  );
}
