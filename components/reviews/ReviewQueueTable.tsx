import Link from "next/link";
import type { reviewerQueue } from "@/lib/reviews/queue";
import { scoreDisplay, type ScaleBounds } from "@/lib/reviews/stats";
import { levelLabel } from "@/components/reviews/ReviewProposalFacts";
import { TagBadges } from "@/components/tags/TagBadges";

type QueueItem = Awaited<ReturnType<typeof reviewerQueue>>["items"][number];

/** The reviewer's queue. Never any speaker names, emails or companies, blind or not: titles are enough to choose. */
export function ReviewQueueTable({
  items,
  criteria,
  hrefFor,
}: {
  items: QueueItem[];
  criteria: ScaleBounds[];
  hrefFor: (id: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted" style={{ textAlign: "left", padding: ".6rem .75rem" }}>
          Proposals to review: assigned to you first, then oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col" className="hide-sm">
              Session type
            </th>
            <th scope="col" className="hide-sm">
              Track
            </th>
            <th scope="col" className="hide-sm">
              Level
            </th>
            <th scope="col" className="num">
              Your score
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={hrefFor(p.id)}>{p.title}</Link>
                {p.assigned && <span className="badge-assigned">Assigned to you</span>}
                <TagBadges tags={p.tags.map((t) => t.tag)} />
              </td>
              <td className="hide-sm">{p.sessionType?.name ?? "—"}</td>
              <td className="hide-sm">{p.track?.name ?? "—"}</td>
              <td className="hide-sm">{levelLabel(p.level)}</td>
              <td className="num">
                {p.myScore === null ? <span className="muted">Not reviewed</span> : scoreDisplay(p.myScore, criteria).label}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
