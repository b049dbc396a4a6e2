"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";
import { SlotFields, type RoomOption } from "./SlotFields";

/** A break, lunch or any block that is not a talk. */
export function AddBlockForm({
  action,
  rooms,
  bounds,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  rooms: readonly RoomOption[];
  bounds: { min?: string; max?: string };
}) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const v = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <div key={revision}>
        <Field label="Title" name="title" errors={errors.title} hint="For example: Lunch, Coffee break, Lightning talks sign-up.">
          {(a) => <input {...a} defaultValue={v.title ?? ""} maxLength={100} />}
        </Field>
        <SlotFields rooms={rooms} errors={errors} values={{ durationMinutes: "30", ...v }} bounds={bounds} />
      </div>
      <SubmitButton variant="secondary" pendingText="Adding…">
        Add block
      </SubmitButton>
    </form>
  );
}
