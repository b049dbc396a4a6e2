"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";
import { SlotFields, type RoomOption } from "./SlotFields";

/** Moves one item: another room, start or duration. */
export function MoveItemForm({
  action,
  itemId,
  title,
  rooms,
  current,
  bounds,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  itemId: string;
  title: string;
  rooms: readonly RoomOption[];
  current: { roomId: string; start: string; durationMinutes: string };
  bounds: { min?: string; max?: string };
}) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const v = state.ok ? current : { ...current, ...state.values };
  return (
    <form action={formAction} noValidate aria-label={`Move ${title}`}>
      <input type="hidden" name="itemId" value={itemId} />
      <div key={revision}>
        <SlotFields rooms={rooms} errors={state.fieldErrors ?? {}} values={v} bounds={bounds} />
      </div>
      <SubmitButton variant="secondary" pendingText="Moving…">
        Move
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
