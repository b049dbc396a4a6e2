import type { z } from "zod";
import { BUSY_MESSAGE, isDatabaseBusy } from "@/lib/db/busy";
import { isDomainError } from "@/lib/errors";
import { fieldErrorsOf, formValues, type FormState } from "./result";

/**
 * The shape every form action shares: parse with zod, run the domain call,
 * and turn expected failures into messages while keeping what was typed.
 * Authentication and authorization happen inside `run` (the domain function).
 */
export async function handleForm<S extends z.ZodType>(
  schema: S,
  input: unknown,
  formData: FormData | null,
  run: (data: z.output<S>) => Promise<FormState | void>,
): Promise<FormState> {
  const values = formData ? formValues(formData) : undefined;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { formError: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    return (await run(parsed.data)) ?? { ok: true };
  } catch (e) {
    if (isDomainError(e)) {
      const fieldErrors = e.fields && Object.fromEntries(Object.entries(e.fields).map(([k, m]) => [k, [m]]));
      return { formError: e.message, fieldErrors, values };
    }
    if (isDatabaseBusy(e)) return { formError: BUSY_MESSAGE, values };
    throw e;
  }
}
