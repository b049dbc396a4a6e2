"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import type { FormState } from "@/lib/forms/result";
import type { TagView } from "@/lib/tags/queries";

/**
 * "Add tag" / "Remove tag" for the proposals checked in the table: rendered
 * inside the bulk form (the table's checkboxes point at it), its buttons post
 * the same checkboxes to the tag action instead of the decision action.
 */
export function BulkTagControls({
  tags,
  action,
}: {
  tags: readonly TagView[];
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  if (tags.length === 0) return null;
  return (
    <>
      <div className="field">
        <label htmlFor="bulk-tag">Tag</label>
        <select id="bulk-tag" name="tagId" defaultValue={tags[0].id}>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary" formAction={formAction} name="tagOp" value="add" disabled={pending}>
        Add tag
      </button>
      <button type="submit" className="btn btn-secondary" formAction={formAction} name="tagOp" value="remove" disabled={pending}>
        Remove tag
      </button>
      <div style={{ flexBasis: "100%" }}>
        <FormMessage state={state} />
      </div>
    </>
  );
}
