import type { FormState } from "./result";

/**
 * A refusal about one field is shown next to that field; the form-level line
 * only points there instead of repeating it.
 */
export function pointAtField(state: FormState, field: string): FormState {
  const fieldError = state.fieldErrors?.[field]?.[0];
  return fieldError && state.formError === fieldError ? { ...state, formError: "Please correct the highlighted field." } : state;
}
