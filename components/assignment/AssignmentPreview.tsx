import type { AssignmentPlan } from "@/lib/assignment/run-assignment";
import { ConfirmEmail } from "@/components/ui/ConfirmEmail";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What "Run automatic assignment" will do: how many assignments, who is emailed about how many proposals, and one email. */
export function AssignmentPreview({ plan }: { plan: AssignmentPlan }) {
  const r = plan.result;
  const n = r.reviewersPerProposal;
  const after = `Afterwards ${r.covered} of ${plural(r.proposals, "proposal")} ${r.covered === 1 ? "has" : "have"} ${plural(n, "reviewer")}.`;
  if (r.added === 0) return <p className="muted">No new assignments are needed or possible. {after}</p>;
  return (
    <>
      <p>
        Adds {plural(r.added, "assignment")} for {plural(plan.recipients.length, "reviewer")}; each of them gets one email now. {after}
        {r.short.notEnoughReviewers > 0 &&
          ` ${plural(r.short.notEnoughReviewers, "proposal")} cannot reach ${n}: not enough reviewers without a conflict.`}
        {r.short.capsReached > 0 &&
          ` ${plural(r.short.capsReached, "proposal")} stay short: the reviewers who could take them reach their cap.`}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="hint">Reviewers who will be emailed</caption>
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Email</th>
              <th scope="col">New proposals</th>
            </tr>
          </thead>
          <tbody>
            {plan.recipients.map((p) => (
              <tr key={p.id}>
                <td>{p.name || "—"}</td>
                <td>{p.email}</td>
                <td>{p.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.email && <ConfirmEmail email={plan.email} caption={`The email to ${plan.email.to}`} />}
    </>
  );
}
