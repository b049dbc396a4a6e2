"use client";
import { useActionState, useEffect, useRef } from "react";
import { currentZoneName } from "@/lib/events/time-zone";
import { slugify } from "@/lib/text/slug";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { EventRowsFieldset } from "@/components/events/EventRowsFieldset";
import { useFormRevision } from "@/components/ui/useFormRevision";

export type EventFormValues = {
  name: string;
  slug: string;
  description: string;
  timeZone: string;
  /** "YYYY-MM-DDTHH:mm" in the event's time zone. */
  cfpOpensAt: string;
  cfpClosesAt: string;
  sessionTypes: { id?: string; name: string; durationMinutes: string }[];
  tracks: { id?: string; name: string }[];
};
type TextKey = Exclude<keyof EventFormValues, "sessionTypes" | "tracks">;

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: EventFormValues;
  timeZones: string[];
  submitLabel: string;
  /**
   * A new event: the slug follows the name until the slug is edited, and the time zone starts as the
   * browser's (when it is one of `timeZones`). Without JavaScript both stay as the server sent them.
   */
  fresh?: boolean;
};

/** Create and edit an event: its details, CFP window, session types and tracks. */
export function EventForm({ action, initial, timeZones, submitLabel, fresh = false }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const slugRef = useRef<HTMLInputElement>(null);
  const slugEdited = useRef(false);
  const zoneRef = useRef<HTMLSelectElement>(null);
  // Before the first submit only: afterwards the select shows what the person chose.
  const guessZone = fresh && !state.values;
  useEffect(() => {
    const zone = zoneRef.current;
    if (!guessZone || !zone) return;
    const browser = currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (timeZones.includes(browser)) zone.value = browser;
  }, [guessZone, timeZones]);
  const followName = (name: string) => {
    if (fresh && !slugEdited.current && slugRef.current) slugRef.current.value = slugify(name);
  };
  const value = (k: TextKey) => state.values?.[k] ?? initial[k];
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <Field label="Event name" name="name" errors={errors.name}>
        {(a) => <input {...a} type="text" required defaultValue={value("name")} onChange={(e) => followName(e.target.value)} />}
      </Field>
      <Field
        label="Slug"
        name="slug"
        errors={errors.slug}
        hint="The event's web address, e.g. rustconf-2027. Lowercase letters, digits and dashes."
      >
        {(a) => (
          <input
            {...a}
            ref={slugRef}
            type="text"
            required
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={value("slug")}
            onChange={() => (slugEdited.current = true)}
          />
        )}
      </Field>
      <Field
        label="Description"
        name="description"
        errors={errors.description}
        hint="Shown on the public event page. Markdown is supported."
      >
        {(a) => <textarea {...a} rows={6} defaultValue={value("description")} />}
      </Field>
      <Field label="Time zone" name="timeZone" errors={errors.timeZone} hint="The CFP dates below are in this time zone.">
        {(a) => (
          <select key={revision} {...a} ref={zoneRef} defaultValue={value("timeZone")}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="row" style={{ alignItems: "flex-start" }}>
        {(["cfpOpensAt", "cfpClosesAt"] as const).map((k) => (
          <div key={k} style={{ flex: "1 1 14rem" }}>
            <Field
              label={k === "cfpOpensAt" ? "CFP opens" : "CFP closes"}
              name={k}
              errors={errors[k]}
              hint="Date and time in the event's time zone."
            >
              {(a) => <input {...a} type="datetime-local" required defaultValue={value(k)} />}
            </Field>
          </div>
        ))}
      </div>
      <EventRowsFieldset
        key={JSON.stringify(initial.sessionTypes)}
        list="sessionTypes"
        legend="Session types"
        itemLabel="Session type"
        hint="The formats speakers choose from, such as a 30-minute talk. At least one."
        columns={[
          { field: "name", label: "Name", grow: 3 },
          { field: "durationMinutes", label: "Duration (minutes)", type: "number" },
        ]}
        blank={{ name: "", durationMinutes: "30" }}
        initial={initial.sessionTypes}
        errors={errors}
      />
      <EventRowsFieldset
        key={JSON.stringify(initial.tracks)}
        list="tracks"
        legend="Tracks"
        itemLabel="Track"
        hint="Optional themes, such as Web or Embedded."
        columns={[{ field: "name", label: "Name" }]}
        blank={{ name: "" }}
        initial={initial.tracks}
        errors={errors}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
