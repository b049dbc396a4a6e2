"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";
import { SlotFields, type RoomOption } from "./SlotFields";

export type TalkOption = { id: string; title: string; confirmed: boolean; sessionType: string; minutes: number };

/** The keyboard way to place a talk: choose the talk, the room and the start. */
export function PlaceTalkForm({
  action,
  talks,
  rooms,
  bounds,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  talks: readonly TalkOption[];
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
        <Field label="Talk" name="proposalId" errors={errors.proposalId}>
          {(a) => (
            <select {...a} defaultValue={v.proposalId}>
              {talks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title} ({t.sessionType}, {t.minutes} min){t.confirmed ? "" : " (accepted, not confirmed yet)"}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SlotFields
          rooms={rooms}
          errors={errors}
          values={v}
          bounds={bounds}
          durationRequired={false}
          durationHint="Empty: the session type's duration."
        />
      </div>
      <SubmitButton pendingText="Placing…">Place talk</SubmitButton>
    </form>
  );
}
