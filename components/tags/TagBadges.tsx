import type { TagView } from "@/lib/tags/queries";

/** A proposal's tags: the name is always written out; the colour is a border, never the only sign. */
export function TagBadges({ tags }: { tags: readonly TagView[] }) {
  if (tags.length === 0) return null;
  return (
    <ul
      className="tag-list"
      aria-label="Tags"
      style={{ listStyle: "none", display: "inline-flex", flexWrap: "wrap", gap: ".25rem", padding: 0, margin: ".2rem 0 0" }}
    >
      {tags.map((t) => (
        <li key={t.id} className="badge" style={{ border: `2px solid ${t.color || "#6b7280"}`, background: "#fff", color: "#1f2937" }}>
          {t.name}
          {!t.public && <span className="visually-hidden"> (internal)</span>}
        </li>
      ))}
    </ul>
  );
}
