import type { AnswersShown } from "@/lib/questions/answer-view";
import { AnswerCountsChart } from "./AnswerCountsChart";

/** The header cells of the picked answer columns. */
export function AnswerColumnHeads({ picked }: { picked: AnswersShown["picked"] }) {
  return picked.map((q) => (
    <th key={q.id} scope="col">
      {q.question}
    </th>
  ));
}

/** One row's answers to the picked columns, in their order. */
export function AnswerColumnCells({ answers }: { answers: string[] }) {
  return answers.map((a, i) => <td key={i}>{a || <span className="muted">—</span>}</td>);
}

/**
 * Counts per option of the picked yes/no and choice columns over every
 * proposal the filters keep, each a small bar chart; an option links to the
 * list filtered by it.
 */
export function AnswerColumnCounts({ counts, filterHref }: { counts: AnswersShown["counts"]; filterHref: (value: string) => string }) {
  if (counts.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="answer-counts">
      <h2 id="answer-counts">Answers of these proposals</h2>
      <p className="muted flush">Counted over every proposal these filters keep, not only this page. Pick an answer to filter by it.</p>
      {counts.map((c) => (
        <AnswerCountsChart key={c.id} data={c} filterHref={filterHref} />
      ))}
    </section>
  );
}
