import type { FormState } from "@/lib/forms/result";
import { AssignReviewerForm } from "./AssignReviewerForm";
import { InlineActionForm } from "./InlineActionForm";
import { displayName } from "@/lib/text/display-name";

type Person = { id: string; name: string | null; email: string };
type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

type Row = {
  id: string;
  title: string;
  track: string | null;
  count: number;
  assigned: { person: Person; source: "AUTO" | "MANUAL"; reviewed: boolean; conflicted: boolean }[];
  reviewedUnassigned: Person[];
  eligible: { id: string; person: Person; assigned: number; cap: number | null }[];
};

type Props = { rows: Row[]; reviewersPerProposal: number; assignAction: Action; unassignAction: Action };

/** One page of proposals under review: who covers each, remove buttons, and a select of who else may take it. */
export function ProposalAssignments({ rows, reviewersPerProposal: n, assignAction, unassignAction }: Props) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Proposal</th>
            <th scope="col" className="num">
              Reviewers
            </th>
            <th scope="col">Assigned</th>
            <th scope="col">Assign</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                {p.title}
                {p.track && <div className="muted">{p.track}</div>}
              </td>
              <td className="num">
                {p.count} / {n}
                {p.count < n && <div className="badge badge-upcoming">short</div>}
              </td>
              <td>
                {p.assigned.length === 0 && p.reviewedUnassigned.length === 0 && <span className="muted">Nobody yet</span>}
                <ul className="plain-list flush">
                  {p.assigned.map((a) => (
                    <li key={a.person.id} className="row" style={{ gap: ".5rem", marginBottom: ".35rem" }}>
                      <span>
                        {displayName(a.person)}{" "}
                        <span className="muted">
                          (
                          {[
                            a.source === "AUTO" ? "automatic" : "by hand",
                            a.reviewed && "reviewed",
                            a.conflicted && "conflict: does not count",
                          ]
                            .filter(Boolean)
                            .join(", ")}
                          )
                        </span>
                      </span>
                      <InlineActionForm
                        action={unassignAction}
                        fields={{ proposalId: p.id, reviewerId: a.person.id }}
                        buttons={[
                          {
                            label: "Remove",
                            pendingText: "Removing…",
                            ariaLabel: `Remove ${displayName(a.person)} from “${p.title}”`,
                            variant: "danger",
                          },
                        ]}
                      />
                    </li>
                  ))}
                  {p.reviewedUnassigned.map((r) => (
                    <li key={r.id}>
                      {displayName(r)} <span className="muted">(reviewed without assignment)</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td style={{ minWidth: "14rem" }}>
                {p.eligible.length === 0 ? (
                  <span className="muted">No other reviewer can take it.</span>
                ) : (
                  <AssignReviewerForm
                    action={assignAction}
                    proposalId={p.id}
                    title={p.title}
                    options={p.eligible.map((r) => ({
                      id: r.id,
                      label: `${displayName(r.person)} (${r.assigned}${r.cap === null ? "" : ` of ${r.cap}`} assigned)`,
                    }))}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
