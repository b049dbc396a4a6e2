"use client";
import { Field } from "@/components/ui/Field";

export type RoomOption = { id: string; name: string };

/** Room, start and duration: the fields placing, adding and moving share. */
export function SlotFields({
  rooms,
  errors,
  values,
  bounds,
  durationHint,
  durationRequired = true,
}: {
  rooms: readonly RoomOption[];
  errors: Record<string, string[] | undefined>;
  values: { roomId?: string; start?: string; durationMinutes?: string };
  bounds: { min?: string; max?: string };
  durationHint?: string;
  durationRequired?: boolean;
}) {
  return (
    <div className="row">
      <Field label="Room" name="roomId" errors={errors.roomId}>
        {(a) => (
          <select {...a} defaultValue={values.roomId ?? rooms[0]?.id}>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Start" name="start" errors={errors.start}>
        {(a) => (
          <input {...a} type="datetime-local" step={300} min={bounds.min} max={bounds.max} defaultValue={values.start ?? bounds.min} />
        )}
      </Field>
      <Field
        label={durationRequired ? "Duration (minutes)" : "Duration (minutes, optional)"}
        name="durationMinutes"
        errors={errors.durationMinutes}
        hint={durationHint}
      >
        {(a) => <input {...a} type="number" inputMode="numeric" min={5} max={720} step={5} defaultValue={values.durationMinutes ?? ""} />}
      </Field>
    </div>
  );
}
