"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

type State = FormState & { token?: string };
type Props = { action: (prev: State, formData: FormData) => Promise<State>; scopes: Record<string, string> };

const EXPIRY: [string, string][] = [
  ["7", "In 7 days"],
  ["30", "In 30 days"],
  ["90", "In 90 days"],
  ["365", "In a year"],
  ["never", "Never"],
];

/** Name, scopes and expiry of a new token; the token itself is shown once, after creation. */
export function ApiTokenForm({ action, scopes }: Props) {
  const [state, formAction] = useActionState(action, {});
  const scopeErrors = state.fieldErrors?.scopes;
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      {state.token && (
        <div className="field">
          <label htmlFor="new-api-token">Your new token (shown once)</label>
          <input id="new-api-token" readOnly value={state.token} data-testid="new-api-token" onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <Field label="Name" name="name" errors={state.fieldErrors?.name} hint="What the token is for, e.g. “Conference website”.">
        {(a) => <input {...a} required maxLength={80} defaultValue={state.ok ? "" : (state.values?.name ?? "")} />}
      </Field>
      <fieldset
        className={`field${scopeErrors?.length ? " field-invalid" : ""}`}
        aria-describedby={scopeErrors?.length ? "scopes-error" : undefined}
      >
        <legend>Scopes</legend>
        {Object.entries(scopes).map(([value, label]) => (
          <label key={value} className="checkbox">
            <input type="checkbox" name="scopes" value={value} defaultChecked={value === "proposals"} /> {label}
          </label>
        ))}
        {scopeErrors?.length ? (
          <p className="field-error" id="scopes-error">
            {scopeErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field label="Expires" name="expiresIn" errors={state.fieldErrors?.expiresIn}>
        {(a) => (
          <select {...a} defaultValue={state.values?.expiresIn ?? "90"}>
            {EXPIRY.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingText="Creating…">Create token</SubmitButton>
    </form>
  );
}
