"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";
import { displayName } from "@/lib/text/display-name";

type Person = { id: string; name: string | null; email: string };
type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  members: (Person & { role: "ORGANIZER" | "REVIEWER" })[];
  proposals: { id: string; title: string }[];
  speakers: Person[];
};

/** A team member and what they are conflicted with: one proposal, or a speaker (everything that speaker is on). */
export function DeclareTeamConflictForm({ action, members, proposals, speakers }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const kept = (name: string) => (state.ok ? "" : (state.values?.[name] ?? ""));
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <div className="row" style={{ alignItems: "flex-start" }} key={revision}>
        <div style={{ flex: "1 1 14rem" }}>
          <Field label="Team member" name="reviewerId" errors={state.fieldErrors?.reviewerId}>
            {(a) => (
              <select {...a} defaultValue={kept("reviewerId")}>
                <option value="">Choose…</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {displayName(m)}
                    {m.role === "ORGANIZER" ? " (organizer)" : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div style={{ flex: "2 1 18rem" }}>
          <Field
            label="Conflicted with"
            name="with"
            errors={state.fieldErrors?.with}
            hint="A speaker: everything they speak on, now and later."
          >
            {(a) => (
              <select {...a} defaultValue={kept("with")}>
                <option value="">Choose…</option>
                <optgroup label="Proposals">
                  {proposals.map((p) => (
                    <option key={p.id} value={`proposal:${p.id}`}>
                      {p.title}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Speakers">
                  {speakers.map((s) => (
                    <option key={s.id} value={`speaker:${s.id}`}>
                      {displayName(s)}
                    </option>
                  ))}
                </optgroup>
              </select>
            )}
          </Field>
        </div>
      </div>
      <SubmitButton pendingText="Declaring…">Declare conflict</SubmitButton>
    </form>
  );
}
