"use client";
import { useActionState, useRef } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { PROFILE_LIMITS } from "@/lib/profile/limits";
import { CountedField } from "@/components/ui/CountedField";
import { useFormRevision } from "@/components/ui/useFormRevision";
import { useUnsavedChanges } from "@/components/ui/useUnsavedChanges";
import { RestoredNotice, UnsavedNote } from "@/components/ui/UnsavedNote";

export type ProfileFormValues = {
  name: string;
  bio: string;
  company: string;
  location: string;
  website: string;
  github: string;
  mastodon: string;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: ProfileFormValues;
  /** Where this tab keeps unsaved input (per person). */
  backupKey?: string;
};

type TextFieldSpec = { name: Exclude<keyof ProfileFormValues, "bio">; label: string; hint?: string; type?: string; autoComplete?: string };

const TEXT_FIELDS: TextFieldSpec[] = [
  { name: "company", label: "Company", hint: "Optional.", autoComplete: "organization" },
  { name: "location", label: "Location", hint: "Optional. City or country.", autoComplete: "address-level2" },
  { name: "website", label: "Website", hint: "Optional. A full address starting with https://", type: "url", autoComplete: "url" },
  { name: "github", label: "GitHub username", hint: "Optional. Just the username, for example octocat." },
  { name: "mastodon", label: "Mastodon", hint: "Optional. For example @you@example.social" },
];

/** The speaker profile organizers see next to proposals. */
export function ProfileForm({ action, initial, backupKey }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const formRef = useRef<HTMLFormElement>(null);
  // A successful save is the new baseline; a refused one keeps the input unsaved.
  const { dirty, keptAt, restored, discard } = useUnsavedChanges(
    formRef,
    state.ok ? state : null,
    backupKey,
    state.formError ? state : null,
  );
  const v = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate ref={formRef}>
      <FormMessage state={state} />
      <RestoredNotice restored={restored} onDiscard={discard} />
      <div key={revision}>
        <Field label="Name" name="name" errors={errors.name} hint="As it should appear in the programme.">
          {(a) => <input {...a} type="text" autoComplete="name" required defaultValue={v.name} />}
        </Field>
        <CountedField
          label="Bio"
          name="bio"
          max={PROFILE_LIMITS.bio}
          defaultValue={v.bio}
          errors={errors.bio}
          hint="Optional. A few sentences about you. Markdown is supported."
          multiline
          rows={6}
          markdown
        />
        {TEXT_FIELDS.map((f) => (
          <Field key={f.name} label={f.label} name={f.name} errors={errors[f.name]} hint={f.hint}>
            {(a) => <input {...a} type={f.type ?? "text"} autoComplete={f.autoComplete} defaultValue={v[f.name]} />}
          </Field>
        ))}
      </div>
      <div className="row">
        <SubmitButton>Save profile</SubmitButton>
        <UnsavedNote dirty={dirty} keptAt={keptAt} />
      </div>
    </form>
  );
}
