import type { FormState } from "@/lib/forms/result";
import { InlineActionForm } from "@/components/assignment/InlineActionForm";
import { displayName } from "@/lib/text/display-name";
import { HeadedTable } from "@/components/ui/HeadedTable";

type Person = { id: string; name: string | null; email: string };
type Source = "REVIEWER" | "ORGANIZER" | "AFFILIATION";
type Props = {
  proposalConflicts: { id: string; source: Source; reviewer: Person; proposal: { id: string; title: string } }[];
  speakerConflicts: { id: string; source: Source; status: "ACTIVE" | "DISMISSED"; reviewer: Person; speaker: Person }[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

const SOURCE: Record<Source, string> = {
  REVIEWER: "Declared by the reviewer",
  ORGANIZER: "Declared by an organizer",
  AFFILIATION: "Same company",
};

/** Conflicts on record, with a remove button each; decisions on company matches are listed too. */
export function DeclaredConflicts({ proposalConflicts, speakerConflicts, action }: Props) {
  const remove = (kind: "proposal" | "speaker", id: string, ariaLabel: string) => (
    <InlineActionForm
      action={action}
      fields={{ kind, id }}
      buttons={[{ label: "Remove", pendingText: "Removing…", ariaLabel, variant: "danger" }]}
    />
  );
  return (
    <>
      <h3>With a proposal</h3>
      {proposalConflicts.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <HeadedTable columns={["Reviewer", "Proposal", "Source", "Actions"]}>
          {proposalConflicts.map((c) => (
            <tr key={c.id}>
              <td>{displayName(c.reviewer)}</td>
              <td>{c.proposal.title}</td>
              <td>{SOURCE[c.source]}</td>
              <td>{remove("proposal", c.id, `Remove the conflict of ${displayName(c.reviewer)} with “${c.proposal.title}”`)}</td>
            </tr>
          ))}
        </HeadedTable>
      )}

      <h3>With a speaker</h3>
      {speakerConflicts.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <>
          <HeadedTable columns={["Reviewer", "Speaker", "Source", "Status", "Actions"]}>
            {speakerConflicts.map((c) => (
              <tr key={c.id}>
                <td>{displayName(c.reviewer)}</td>
                <td>{displayName(c.speaker)}</td>
                <td>{SOURCE[c.source]}</td>
                <td>{c.status === "ACTIVE" ? "Conflict" : "Dismissed: may review"}</td>
                <td>
                  {remove(
                    "speaker",
                    c.id,
                    c.status === "ACTIVE"
                      ? `Remove the conflict of ${displayName(c.reviewer)} with ${displayName(c.speaker)}`
                      : `Remove the dismissal for ${displayName(c.reviewer)} and ${displayName(c.speaker)}`,
                  )}
                </td>
              </tr>
            ))}
          </HeadedTable>
          <p className="hint" style={{ marginTop: ".5rem" }}>
            Removing a same-company decision reopens its flag while the two still work at the same company.
          </p>
        </>
      )}
    </>
  );
}
