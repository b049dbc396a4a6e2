import type { FormState } from "@/lib/forms/result";

/** The form-level outcome, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" role="status">
      {state.formError && <p className="alert alert-error">{state.formError}</p>}
      {state.ok && state.message && <p className="alert alert-success">{state.message}</p>}
    </div>
  );
}
