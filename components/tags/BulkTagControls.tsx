"use client";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import type { FormState } from "@/lib/forms/result";
import type { TagView } from "@/lib/tags/queries";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/**
 * "Add tag" / "Remove tag" for the proposals checked in the table: rendered
 * inside the bulk form (the table's checkboxes point at it), its buttons post
 * the same checkboxes to the tag actions instead of the decision action. A
 * button with its own formAction does not send its name and value, so each
 * operation is its own (bound) action.
 */
export function BulkTagControls({ tags, add, remove }: { tags: readonly TagView[]; add: Action; remove: Action }) {
  const [added, addAction, adding] = useActionState(add, {});
  const [removed, removeAction, removing] = useActionState(remove, {});
  const [last, setLast] = useState<"add" | "remove">("add");
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
      <button
        type="submit"
        className="btn btn-secondary"
        formAction={addAction}
        onClick={() => setLast("add")}
        disabled={adding || removing}
      >
        Add tag
      </button>
      <button
        type="submit"
        className="btn btn-secondary"
        formAction={removeAction}
        onClick={() => setLast("remove")}
        disabled={adding || removing}
      >
        Remove tag
      </button>
      <div style={{ flexBasis: "100%" }}>
        <FormMessage state={last === "add" ? added : removed} />
      </div>
    </>
  );
}
