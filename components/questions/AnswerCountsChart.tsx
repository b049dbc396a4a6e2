import type { AnswerCount } from "@/lib/questions/organizer";

/**
 * Counts per option of one choice or yes/no question: a table whose last
 * column draws each count as a bar. The numbers are in the table for everyone;
 * the bars are decoration.
 */
export function AnswerCountsChart({ data, filterHref }: { data: AnswerCount; filterHref?: (value: string) => string | null }) {
  const max = Math.max(1, ...data.counts.map((c) => c.count));
  const unit = data.target === "REVIEWER" ? "reviews" : data.target === "SPEAKER" ? "speakers" : "proposals";
  return (
    <figure className="flush">
      <table className="answer-counts">
        <caption>
          {data.question}{" "}
          <span className="muted">
            ({data.answered} {unit} answered)
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Count</th>
            <th scope="col">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.counts.map((c) => {
            const href = filterHref?.(c.value);
            return (
              <tr key={c.value}>
                <th scope="row">{href ? <a href={href}>{c.label}</a> : c.label}</th>
                <td>{c.count}</td>
                <td aria-hidden="true" style={{ width: "50%" }}>
                  <span className="answer-bar" style={{ width: `${(100 * c.count) / max}%` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
