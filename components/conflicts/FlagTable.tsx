import type { FormState } from "@/lib/forms/result";
import { InlineActionForm } from "@/components/assignment/InlineActionForm";

type Person = { id: string; name: string | null; email: string };
type Props = {
  flags: { reviewer: Person; speaker: Person; company: string }[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

const nameOf = (p: Person) => p.name || p.email;

/** Open affiliation flags: each blocks the reviewer from that speaker's proposals until confirmed or dismissed. */
export function FlagTable({ flags, action }: Props) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Speaker</th>
            <th scope="col">Company</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {flags.map((f) => {
            const pair = `${nameOf(f.reviewer)} and ${nameOf(f.speaker)}`;
            return (
              <tr key={`${f.reviewer.id}:${f.speaker.id}`}>
                <td>{nameOf(f.reviewer)}</td>
                <td>{nameOf(f.speaker)}</td>
                <td>{f.company}</td>
                <td>
                  <InlineActionForm
                    action={action}
                    fields={{ reviewerId: f.reviewer.id, speakerId: f.speaker.id }}
                    buttons={[
                      { label: "Confirm", pendingText: "Confirming…", ariaLabel: `Confirm a conflict between ${pair}`, variant: "danger", name: "decision", value: "confirm" },
                      { label: "Dismiss", pendingText: "Dismissing…", ariaLabel: `Dismiss the flag for ${pair}`, name: "decision", value: "dismiss" },
                    ]}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
