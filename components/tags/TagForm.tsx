"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { TAG_NAME_MAX } from "@/lib/tags/limits";
import type { TagView } from "@/lib/tags/queries";

/** Create (no `tag`) or edit a tag. A rejected form keeps what was typed. */
export function TagForm({
  action,
  tag,
  submitLabel,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  tag?: TagView;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values;
  const isPublic = v ? v.public === "on" : (tag?.public ?? false);
  return (
    <form action={formAction} className="row filters" aria-label={tag ? `Edit tag ${tag.name}` : "New tag"}>
      <Field label="Name" name="name" errors={state.fieldErrors?.name}>
        {(a11y) => <input {...a11y} defaultValue={v?.name ?? tag?.name ?? ""} maxLength={TAG_NAME_MAX} required />}
      </Field>
      <Field label="Colour" name="color" errors={state.fieldErrors?.color} hint="Optional, e.g. #1f6feb">
        {(a11y) => <input {...a11y} defaultValue={v?.color ?? tag?.color ?? ""} pattern="#[0-9a-fA-F]{6}" style={{ width: "8rem" }} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" name="public" defaultChecked={isPublic} />
        Public (reviewers see it and can filter by it)
      </label>
      <SubmitButton variant="secondary">{submitLabel}</SubmitButton>
      <div style={{ flexBasis: "100%" }}>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
