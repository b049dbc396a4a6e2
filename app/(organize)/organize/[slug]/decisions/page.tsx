import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/dates";
import { pendingSummary, programmeStatus } from "@/lib/decisions/confirmations";
import { utcToZonedLocal } from "@/lib/events/time-zone";
import { ActionButtonForm } from "@/components/ui/ActionButtonForm";
import { DecisionSettingsForm } from "@/components/decisions/DecisionSettingsForm";
import { PromotePreview } from "@/components/decisions/PromotePreview";
import { PublishPreview } from "@/components/decisions/PublishPreview";
import { ConfirmStep, ConfirmTrigger } from "@/components/ui/Confirm";
import { planPromotion } from "@/lib/lifecycle/promote-plan";
import { planPublication } from "@/lib/lifecycle/publish-plan";
import { forPage } from "@/app/_lib/page-query";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { decisionSettingsAction, promoteAction, publishAllAction, remindAction } from "./actions";

export const metadata: Metadata = { title: "Decisions" };

type Row = Awaited<ReturnType<typeof programmeStatus>>["confirmed"][number];

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DecisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const path = `/organize/${slug}/decisions`;
  const { user, event } = await requireOrganizerEvent(slug, path);
  const [pending, programme] = await Promise.all([pendingSummary(db, user.actor, event.id), programmeStatus(db, user.actor, event.id)]);
  // A confirmation being shown (?confirm=publish, or ?confirm=promote&type=<session type>): the server's dry run.
  const confirming = one(sp.confirm);
  const promoteType = confirming === "promote" ? (one(sp.type) ?? "") : null;
  const publishPlan = confirming === "publish" ? await planPublication(db, user.actor, event.id) : null;
  const promotePlan = promoteType ? await forPage(() => planPromotion(db, user.actor, event.id, promoteType)) : null;
  const pendingTotal = pending.ACCEPTED + pending.WAITLISTED + pending.REJECTED;
  const speakers = (r: Row) => r.speakers.map((s) => s.user.name || s.user.email).join(", ");
  const link = (r: Row) => <Link href={`/organize/${slug}/proposals/${r.id}`}>{r.title}</Link>;
  const waitlistTypes = [
    ...new Map(programme.waitlisted.flatMap((r) => (r.sessionType ? [[r.sessionType.id, r.sessionType] as const] : []))).values(),
  ];
  // Waitlisted proposals already marked for rejection are never promoted.
  const promotable = (typeId: string) => programme.waitlisted.some((r) => r.sessionTypeId === typeId && r.pendingDecision !== "REJECTED");

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="decisions" />
      <h1>Decisions</h1>

      <section className="card" aria-labelledby="publish">
        <h2 id="publish">Unpublished decisions</h2>
        {pendingTotal === 0 ? (
          <p className="muted">Nothing to publish. Decide on proposals from the proposal list or each proposal&apos;s page.</p>
        ) : (
          <p>
            {pending.ACCEPTED} to accept, {pending.WAITLISTED} to waitlist and {pending.REJECTED} to reject. Speakers see none of this until
            you publish.
          </p>
        )}
        {pendingTotal > 0 && (
          <>
            <p className="hint">
              {event.holdOutbox ? "The emails will wait in the outbox until you release them." : "Each speaker is emailed at once."}
            </p>
            <ConfirmTrigger id="publish-all" href={`${path}?confirm=publish#confirm-publish`} open={!!publishPlan} variant="primary">
              {`Publish all ${pendingTotal} decisions…`}
            </ConfirmTrigger>
          </>
        )}
        {publishPlan && (
          <ConfirmStep
            id="confirm-publish"
            level={3}
            title={`Publish ${publishPlan.publish.length} ${publishPlan.publish.length === 1 ? "decision" : "decisions"}?`}
            action={publishAllAction.bind(null, event.id)}
            fields={{ fingerprint: publishPlan.fingerprint }}
            confirmLabel={`Publish ${publishPlan.publish.length} and email the speakers`}
            pendingText="Publishing…"
            cancelHref={`${path}#publish-all`}
            canConfirm={publishPlan.publish.length > 0}
          >
            <PublishPreview plan={publishPlan} />
          </ConfirmStep>
        )}
      </section>

      <section className="card" aria-labelledby="awaiting">
        <h2 id="awaiting">Waiting for the speakers&apos; confirmation ({programme.unconfirmed.length})</h2>
        {programme.unconfirmed.length === 0 ? (
          <p className="muted">Nobody to wait for.</p>
        ) : (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Proposal</th>
                    <th scope="col">Speakers</th>
                    <th scope="col">Accepted</th>
                    <th scope="col">Last reminder</th>
                    <th scope="col">Remind</th>
                  </tr>
                </thead>
                <tbody>
                  {programme.unconfirmed.map((r) => (
                    <tr key={r.id}>
                      <td>{link(r)}</td>
                      <td>{speakers(r)}</td>
                      <td>{formatDate(r.decidedAt, event.timeZone)}</td>
                      <td>{r.activities[0] ? formatDate(r.activities[0].createdAt, event.timeZone) : "—"}</td>
                      <td>
                        <ActionButtonForm
                          action={remindAction.bind(null, event.id)}
                          fields={{ proposalId: r.id }}
                          label="Send reminder"
                          pendingText="Sending…"
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ActionButtonForm
              action={remindAction.bind(null, event.id)}
              label={`Remind all ${programme.unconfirmed.length}`}
              pendingText="Sending…"
            />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="waitlist">
        <h2 id="waitlist">Waitlist ({programme.waitlisted.length})</h2>
        {waitlistTypes.length === 0 ? (
          <p className="muted">Nobody is waitlisted.</p>
        ) : (
          waitlistTypes.map((type) => (
            <div key={type.id}>
              <h3>{type.name}</h3>
              <ol>
                {programme.waitlisted
                  .filter((r) => r.sessionTypeId === type.id)
                  .map((r) => (
                    <li key={r.id}>
                      {link(r)}
                      {r.pendingDecision === "REJECTED" && <span className="muted"> (marked for rejection)</span>}
                    </li>
                  ))}
              </ol>
              {promotable(type.id) && (
                <ConfirmTrigger
                  id={`promote-${type.id}`}
                  href={`${path}?confirm=promote&type=${type.id}#confirm-promote`}
                  open={promoteType === type.id}
                >
                  {`Promote the best ${type.name.toLowerCase()}…`}
                </ConfirmTrigger>
              )}
            </div>
          ))
        )}
        {promoteType && promotePlan?.ok && (
          <ConfirmStep
            key={promoteType}
            id="confirm-promote"
            level={3}
            title={promotePlan.value.candidate ? `Promote “${promotePlan.value.candidate.title}”?` : "Nobody to promote"}
            action={promoteAction.bind(null, event.id)}
            fields={{ sessionTypeId: promoteType, proposalId: promotePlan.value.candidate?.id ?? "" }}
            confirmLabel="Promote and email the speakers"
            pendingText="Promoting…"
            cancelHref={`${path}#promote-${promoteType}`}
            canConfirm={!!promotePlan.value.candidate}
          >
            <PromotePreview plan={promotePlan.value} />
          </ConfirmStep>
        )}
      </section>

      <section className="card" aria-labelledby="confirmed">
        <h2 id="confirmed">Confirmed ({programme.confirmed.length})</h2>
        {programme.confirmed.length === 0 ? (
          <p className="muted">No confirmations yet.</p>
        ) : (
          <ul>
            {programme.confirmed.map((r) => (
              <li key={r.id}>
                {link(r)} — {speakers(r)}, {formatDate(r.respondedAt, event.timeZone)}
              </li>
            ))}
          </ul>
        )}
        {programme.declined.length > 0 && (
          <>
            <h3>Declined ({programme.declined.length})</h3>
            <ul>
              {programme.declined.map((r) => (
                <li key={r.id}>
                  {link(r)} — {speakers(r)}, {formatDate(r.respondedAt, event.timeZone)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="settings">
        <h2 id="settings">Settings</h2>
        <DecisionSettingsForm
          action={decisionSettingsAction.bind(null, event.id)}
          timeZone={event.timeZone}
          initial={{
            confirmationDeadline: event.confirmationDeadline ? utcToZonedLocal(event.confirmationDeadline, event.timeZone) : "",
            autoPromoteWaitlist: event.autoPromoteWaitlist,
            holdOutbox: event.holdOutbox,
          }}
        />
      </section>
    </div>
  );
}
