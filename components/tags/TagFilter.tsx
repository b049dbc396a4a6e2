import type { TagView } from "@/lib/tags/queries";

/** A tag <select> for a GET filter form ("" = any tag). */
export function TagFilter({ id, tags, value }: { id: string; tags: readonly TagView[]; value?: string }) {
  return (
    <>
      <label htmlFor={id} className="label" style={{ margin: 0 }}>
        Tag
      </label>
      <select id={id} name="tag" defaultValue={value ?? ""} style={{ width: "auto", maxWidth: "16rem" }}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </>
  );
}
