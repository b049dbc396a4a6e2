import Link from "next/link";
import type { DuplicateLink } from "@/lib/duplicates/likely-duplicates";

/** "Likely duplicate of …": a badge with a link to each similar proposal by the same speaker. */
export function DuplicateBadge({ slug, links }: { slug: string; links?: readonly DuplicateLink[] }) {
  if (!links || links.length === 0) return null;
  return (
    <span className="duplicate-note" style={{ display: "block", fontSize: ".9em" }}>
      <span className="badge badge-upcoming">Likely duplicate</span> of{" "}
      {links.map((d, i) => (
        <span key={d.id}>
          {i > 0 && ", "}
          <Link href={`/organize/${slug}/proposals/${d.id}`}>{d.title}</Link> ({Math.round(d.similarity * 100)}% alike)
        </span>
      ))}
    </span>
  );
}
