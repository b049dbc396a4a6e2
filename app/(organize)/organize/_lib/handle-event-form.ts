import { eventInput, type EventInput } from "@/lib/events/schemas";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { eventInputFromForm } from "./event-form-data";

/** handleForm for the event form, whose rows are posted under flat names ("sessionTypes.0.name"). */
export function handleEventForm(formData: FormData, run: (input: EventInput) => Promise<FormState | void>): Promise<FormState> {
  return handleForm(eventInput, eventInputFromForm(formData), formData, run);
}
