import Link from "next/link";
import { formatDate } from "@/lib/dates";
import type { ListQuery, listEventProposals } from "@/lib/proposals/organizer-list";
import { scoreDisplay, type ScaleBounds } from "@/lib/reviews/stats";
import { BULK_FORM_ID } from "@/components/decisions/BulkDecisionForm";
import { PendingBadge, StatusBadge } from "@/components/proposals/StatusBadge";
import { TagBadges } from "@/components/tags/TagBadges";
import { DuplicateBadge } from "@/components/proposals/DuplicateBadge";
import type { DuplicateLink } from "@/lib/duplicates/likely-duplicates";
import { AnswerColumnCells, AnswerColumnHeads } from "@/components/questions/AnswerColumns";
import type { AnswersShown } from "@/lib/questions/answer-view";

type Row = Awaited<ReturnType<typeof listEventProposals>>["rows"][number];
type SortKey = ListQuery["sort"];

type Props = {
  slug: string;
  rows: Row[];
  query: ListQuery;
  /** The URL that sorts by a column (flipping the direction if it is the current one). */
  sortHref: (sort: SortKey) => string;
  criteria: ScaleBounds[];
  /** Likely duplicates by proposal id (lib/duplicates). */
  duplicates: ReadonlyMap<string, DuplicateLink[]>;
  /** The questions picked as columns (their answers are in each row's `answers`). */
  answerColumns: AnswersShown["picked"];
  /** The event's zone: dates are its calendar days. */
  timeZone: string;
};

export function OrganizerProposalTable({ slug, rows, query, sortHref, criteria, duplicates, answerColumns, timeZone }: Props) {
  const header = (sort: SortKey, label: string, className?: string) => {
    const active = query.sort === sort;
    const direction = query.dir === "asc" ? "ascending" : "descending";
    return (
      <th scope="col" className={className} aria-sort={active ? direction : undefined}>
        <Link href={sortHref(sort)}>
          {label}
          {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </th>
    );
  };
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
            {header("title", "Title")}
            <th scope="col" className="hide-sm">
              Speakers
            </th>
            <th scope="col" className="hide-sm">
              Session type
            </th>
            <th scope="col" className="hide-sm">
              Track
            </th>
            {header("status", "Status")}
            {header("submitted", "Submitted", "hide-sm")}
            {header("reviews", "Reviews", "num")}
            {header("score", "Average score", "num")}
            <AnswerColumnHeads picked={answerColumns} />
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                <input type="checkbox" name="proposalId" value={p.id} form={BULK_FORM_ID} aria-label={`Select “${p.title}”`} />
              </td>
              <td>
                <Link href={`/organize/${slug}/proposals/${p.id}`}>{p.title}</Link>
                <DuplicateBadge slug={slug} links={duplicates.get(p.id)} />
                <TagBadges tags={p.tags.map((t) => t.tag)} />
              </td>
              <td className="hide-sm">{p.speakers.map((s) => s.user.name || s.user.email).join(", ")}</td>
              <td className="hide-sm">{p.sessionType?.name ?? "—"}</td>
              <td className="hide-sm">{p.track?.name ?? "—"}</td>
              <td>
                <StatusBadge status={p.status} /> <PendingBadge decision={p.pendingDecision} />
              </td>
              <td className="hide-sm">{formatDate(p.submittedAt, timeZone)}</td>
              <td className="num">{p.stats?.reviewCount ?? 0}</td>
              <td className="num">{scoreDisplay(p.stats?.avgScore ?? null, criteria).label}</td>
              <AnswerColumnCells answers={p.answers} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
