"use client";
import { useActionState } from "react";
import { EventRowsFieldset } from "@/components/events/EventRowsFieldset";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";

export type ConferenceValues = {
  startsOn: string;
  endsOn: string;
  venue: string;
  rooms: { id?: string; name: string; capacity: string }[];
};

/** The conference days (in the event's time zone), the venue and the rooms, in order. */
export function ConferenceForm({
  action,
  initial,
  timeZone,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: ConferenceValues;
  timeZone: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const v = state.values;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="stack">
      <FormMessage state={state} />
      <div className="row" key={revision}>
        <Field label="First day" name="startsOn" errors={errors.startsOn} hint={`In ${timeZone}.`}>
          {(a) => <input {...a} type="date" defaultValue={v?.startsOn ?? initial.startsOn} />}
        </Field>
        <Field label="Last day" name="endsOn" errors={errors.endsOn}>
          {(a) => <input {...a} type="date" defaultValue={v?.endsOn ?? initial.endsOn} />}
        </Field>
      </div>
      <Field label="Venue" name="venue" errors={errors.venue} hint="Name and address, shown on the public programme.">
        {(a) => <input {...a} key={revision} defaultValue={v?.venue ?? initial.venue} />}
      </Field>
      <EventRowsFieldset
        key={JSON.stringify(initial.rooms)}
        list="rooms"
        legend="Rooms"
        itemLabel="Room"
        hint="In the order the schedule shows them. A room keeps its identity in the exports when renamed."
        columns={[
          { field: "name", label: "Name", grow: 3 },
          { field: "capacity", label: "Capacity (seats, optional)", type: "number" },
        ]}
        blank={{ name: "", capacity: "" }}
        initial={initial.rooms}
        errors={errors}
      />
      <SubmitButton>Save conference</SubmitButton>
    </form>
  );
}
