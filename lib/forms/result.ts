import type { z } from "zod";

// What every form action returns to its useActionState hook.
export type FormState = {
  ok?: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What the user typed, so a rejected form keeps it. */
  values?: Record<string, string>;
};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === "string" && !k.startsWith("$ACTION")) values[k] = v;
  }
  return values;
}

/** Zod issues keyed by their full path ("title", "sessionTypes.0.name"), so each error lands next to its field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
