"use client";
import { useActionState, useId } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  memberId: string;
  reviewCap: number | null;
  trackIds: string[];
  tracks: { id: string; name: string }[];
};

/** A reviewer's cap (empty: none) and preferred tracks. */
export function ReviewerPreferencesForm({ action, memberId, reviewCap, trackIds, tracks }: Props) {
  const [state, formAction] = useActionState(action, {});
  // Remount the fields after each answer so they show what was typed (error) or saved (success).
  const revision = useFormRevision(state);
  const tracksId = useId();
  const trackErrors = state.fieldErrors?.trackIds;
  return (
    <form action={formAction} noValidate style={{ marginTop: ".5rem" }}>
      <input type="hidden" name="memberId" value={memberId} />
      <div key={revision}>
        <Field
          label="Cap"
          name="reviewCap"
          errors={state.fieldErrors?.reviewCap}
          hint="Most proposals automatic assignment may give them in total. Empty: no cap."
        >
          {(a) => (
            <input
              {...a}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              defaultValue={state.values?.reviewCap ?? reviewCap ?? ""}
              style={{ maxWidth: "8rem" }}
            />
          )}
        </Field>
        {tracks.length > 0 && (
          <fieldset aria-describedby={trackErrors ? `${tracksId}-error` : undefined} aria-invalid={trackErrors ? true : undefined}>
            <legend>Preferred tracks</legend>
            {tracks.map((t) => (
              <label key={t.id} style={{ display: "flex", gap: ".4rem", alignItems: "center", fontWeight: 400 }}>
                <input type="checkbox" name="trackIds" value={t.id} defaultChecked={trackIds.includes(t.id)} />
                {t.name}
              </label>
            ))}
            {trackErrors && (
              <p className="field-error" id={`${tracksId}-error`}>
                {trackErrors.join(" ")}
              </p>
            )}
          </fieldset>
        )}
      </div>
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
