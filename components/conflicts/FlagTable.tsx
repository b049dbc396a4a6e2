import type { FormState } from "@/lib/forms/result";
import { InlineActionForm } from "@/components/assignment/InlineActionForm";
import { displayName } from "@/lib/text/display-name";
import { HeadedTable } from "@/components/ui/HeadedTable";

type Person = { id: string; name: string | null; email: string };
type Props = {
  flags: { reviewer: Person; speaker: Person; company: string; blocking: boolean }[];
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
};

/** Open affiliation flags: most block the reviewer from that speaker's proposals until dismissed; those from a later company change only once confirmed. */
export function FlagTable({ flags, action }: Props) {
  return (
    <HeadedTable columns={["Reviewer", "Speaker", "Company", "Decision"]}>
      {flags.map((f) => {
        const pair = `${displayName(f.reviewer)} and ${displayName(f.speaker)}`;
        return (
          <tr key={`${f.reviewer.id}:${f.speaker.id}`}>
            <td>{displayName(f.reviewer)}</td>
            <td>{displayName(f.speaker)}</td>
            <td>
              {f.company}
              {!f.blocking && (
                <div className="muted">Reviewer&apos;s company changed after proposals arrived: not blocking until you confirm.</div>
              )}
            </td>
            <td>
              <InlineActionForm
                action={action}
                fields={{ reviewerId: f.reviewer.id, speakerId: f.speaker.id }}
                buttons={[
                  {
                    label: "Confirm",
                    pendingText: "Confirming…",
                    ariaLabel: `Confirm a conflict between ${pair}`,
                    variant: "danger",
                    name: "decision",
                    value: "confirm",
                  },
                  {
                    label: "Dismiss",
                    pendingText: "Dismissing…",
                    ariaLabel: `Dismiss the flag for ${pair}`,
                    name: "decision",
                    value: "dismiss",
                  },
                ]}
              />
            </td>
          </tr>
        );
      })}
    </HeadedTable>
  );
}
