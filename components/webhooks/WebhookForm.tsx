"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

type State = FormState & { secret?: string; chosen?: string[] };

/** Registers an endpoint; after success the signing secret is shown once, here. */
export function WebhookForm({ action }: { action: (prev: State, fd: FormData) => Promise<State> }) {
  const [state, formAction] = useActionState(action, {});
  // After a refusal the boxes stay as they were ticked; otherwise every event is offered ticked.
  const chosen = state.chosen ? new Set(state.chosen) : null;
  return (
    <form action={formAction} className="stack">
      <Field label="Endpoint URL" name="url" errors={state.fieldErrors?.url} hint="An https address on the public internet.">
        {(a11y) => (
          <input
            {...a11y}
            type="url"
            required
            defaultValue={state.ok ? "" : state.values?.url}
            placeholder="https://example.org/cfp-hooks"
          />
        )}
      </Field>
      <fieldset aria-describedby={state.fieldErrors?.eventTypes ? "event-types-error" : undefined}>
        <legend>Events to send</legend>
        {WEBHOOK_EVENT_TYPES.map((t) => (
          <label key={t} style={{ display: "block" }}>
            <input type="checkbox" name="eventTypes" value={t} defaultChecked={chosen === null || chosen.has(t)} /> <code>{t}</code>
          </label>
        ))}
        {state.fieldErrors?.eventTypes && (
          <p className="field-error" id="event-types-error">
            {state.fieldErrors.eventTypes.join(" ")}
          </p>
        )}
      </fieldset>
      <SubmitButton pendingText="Adding…">Add webhook</SubmitButton>
      <FormMessage state={state} />
      {state.secret && (
        <p>
          <label htmlFor="webhook-secret">Signing secret</label>
          <input id="webhook-secret" readOnly value={state.secret} style={{ fontFamily: "monospace", width: "100%" }} />
        </p>
      )}
    </form>
  );
}
