import type { PublicationPlan } from "@/lib/lifecycle/publish-plan";
import { ConfirmEmail } from "@/components/ui/ConfirmEmail";

const VERB = { ACCEPTED: "Accept", WAITLISTED: "Waitlist", REJECTED: "Reject" } as const;
const EMAIL = { accepted: "acceptance", waitlisted: "waitlist", rejected: "rejection" } as const;

const who = (s: { name: string | null; email: string }) => (s.name ? `${s.name} <${s.email}>` : s.email);

/** What "Publish all" will do: each proposal with its decision and the speakers emailed, and one email of each kind. */
export function PublishPreview({ plan }: { plan: PublicationPlan }) {
  if (plan.publish.length === 0) return <p className="muted">Nothing to publish any more: no pending decision can be published.</p>;
  return (
    <>
      <p>
        {plan.publish.length} {plan.publish.length === 1 ? "decision becomes" : "decisions become"} visible to the speakers, and{" "}
        {plan.recipients} {plan.recipients === 1 ? "speaker is" : "speakers are"} emailed
        {plan.held ? "; the emails wait in the outbox until you release them." : " at once."} This cannot be undone.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="hint">Proposals to publish</caption>
          <thead>
            <tr>
              <th scope="col">Proposal</th>
              <th scope="col">Decision</th>
              <th scope="col">Emailed</th>
            </tr>
          </thead>
          <tbody>
            {plan.publish.map((p) => (
              <tr key={p.id}>
                <td>{p.title}</td>
                <td>{VERB[p.decision]}</td>
                <td>{p.speakers.map(who).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.skipped.length > 0 && (
        <p className="hint">
          Not published (the status no longer allows it): {plan.skipped.map((s) => `“${s.title}” (${s.reason})`).join(", ")}.
        </p>
      )}
      {plan.emails.map((email) => (
        <ConfirmEmail key={email.kind} email={email} caption={`Example: the ${EMAIL[email.kind]} email, as ${email.to} gets it`} />
      ))}
    </>
  );
}
