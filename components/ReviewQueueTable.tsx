import Link from "next/link";
import type { reviewerQueue } from "@/lib/reviews/queue";
import { SCORE_MAX } from "@/lib/reviews/schemas";
import { levelLabel } from "./ReviewProposalFacts";

type QueueItem = Awaited<ReturnType<typeof reviewerQueue>>["items"][number];

/** The reviewer's queue. Blind: no speaker names, emails or companies. */
export function ReviewQueueTable({ slug, items }: { slug: string; items: QueueItem[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted" style={{ textAlign: "left", padding: ".6rem .75rem" }}>
          Proposals to review
        </caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col" className="hide-sm">Session type</th>
            <th scope="col" className="hide-sm">Track</th>
            <th scope="col" className="hide-sm">Level</th>
            <th scope="col" className="num">Your score</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/review/${slug}/${p.id}`}>{p.title}</Link>
              </td>
              <td className="hide-sm">{p.sessionType.name}</td>
              <td className="hide-sm">{p.track?.name ?? "—"}</td>
              <td className="hide-sm">{levelLabel(p.level)}</td>
              <td className="num">{p.myScore === null ? <span className="muted">Not reviewed</span> : `${p.myScore} / ${SCORE_MAX}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
