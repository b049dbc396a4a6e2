import type { Metadata } from "next";
import { db } from "@/lib/db";
import { conflictChoices } from "@/lib/assignment/conflict-choices";
import { affiliationFlags } from "@/lib/reviews/conflicts/affiliation";
import { listConflicts } from "@/lib/reviews/conflicts/manage";
import { EmptyState } from "@/components/ui/EmptyState";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { DeclareTeamConflictForm } from "@/components/conflicts/DeclareTeamConflictForm";
import { DeclaredConflicts } from "@/components/conflicts/DeclaredConflicts";
import { FlagTable } from "@/components/conflicts/FlagTable";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { declareConflictAction, removeConflictAction, resolveFlagAction } from "./actions";

export const metadata: Metadata = { title: "Conflicts" };

export default async function ConflictsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/conflicts`);
  const [flags, declared, choices] = await Promise.all([
    affiliationFlags(db, user.actor, event.id),
    listConflicts(db, user.actor, event.id),
    conflictChoices(db, user.actor, event.id),
  ]);

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="conflicts" />
      <div>
        <h1>Conflicts</h1>
        <p className="lead">
          A reviewer never sees or reviews a proposal they have a conflict with, and is never assigned to it. Their own and their
          co-speakers&apos; proposals always count as conflicts.
        </p>
      </div>

      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading">Same company: to check</h2>
        <p className="muted">
          These reviewers work where a speaker works. Until you decide, they cannot review that speaker&apos;s proposals, except where their
          company changed after proposals arrived: those block only once confirmed. Confirming also removes their assignments and reviews of
          those proposals still under review.
        </p>
        {flags.length === 0 ? (
          <EmptyState title="Nothing to check" />
        ) : (
          <FlagTable flags={flags} action={resolveFlagAction.bind(null, event.id)} />
        )}
      </section>

      <section aria-labelledby="declared-heading">
        <h2 id="declared-heading">Conflicts on record</h2>
        <DeclaredConflicts {...declared} action={removeConflictAction.bind(null, event.id)} />
      </section>

      <section className="card" aria-labelledby="declare-heading">
        <h2 id="declare-heading">Declare a conflict</h2>
        <DeclareTeamConflictForm action={declareConflictAction.bind(null, event.id)} {...choices} />
      </section>
    </div>
  );
}
