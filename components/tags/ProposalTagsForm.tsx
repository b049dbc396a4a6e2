"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import type { TagView } from "@/lib/tags/queries";

/** The proposal page's tags: check the ones that apply, save. */
export function ProposalTagsForm({
  action,
  tags,
  checked,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  tags: readonly TagView[];
  checked: readonly string[];
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      <fieldset>
        <legend>Tags</legend>
        <div className="row">
          {tags.map((t) => (
            <label key={t.id} className="checkbox">
              <input type="checkbox" name="tagId" value={t.id} defaultChecked={checked.includes(t.id)} />
              {t.name}
              {t.public ? "" : " (internal)"}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton variant="secondary">Save tags</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
