/**
 * Download what the page shows (its filters ride along as hidden fields) as
 * CSV or JSON: a plain GET form to the export route, so it works without
 * JavaScript and from the keyboard. Personal data and blind are explicit choices.
 */
export function ExportForm({
  slug,
  from,
  filters,
}: {
  slug: string;
  from: "list" | "ranking";
  filters: Record<string, string | undefined>;
}) {
  const id = `export-${from}`;
  return (
    <details className="card">
      <summary>Export {from === "ranking" ? "the ranking" : "these proposals"}</summary>
      <form method="get" action={`/organize/${slug}/export`} className="stack" aria-describedby={`${id}-hint`}>
        <p className="hint" id={`${id}-hint`}>
          With the filters shown above. CSV opens in any spreadsheet (UTF-8); JSON is for scripts. &ldquo;For import&rdquo; is one file with
          the proposals, their speakers, the questions and every answer, which another event&rsquo;s Import page reads.
        </p>
        <input type="hidden" name="from" value={from} />
        {Object.entries(filters).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-kind`}>One row per</label>
            <select id={`${id}-kind`} name="kind" defaultValue="proposals">
              <option value="proposals">Proposal</option>
              <option value="speakers">Speaker</option>
              <option value="reviews">Review</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-format`}>Format</label>
            <select id={`${id}-format`} name="format" defaultValue="csv">
              <option value="csv">CSV</option>
              <option value="json">JSON</option>
              <option value="pretalx">JSON for import into another event</option>
            </select>
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="personal" value="1" /> Include personal data (email, company, location)
        </label>
        <label className="checkbox">
          <input type="checkbox" name="blind" value="1" /> Blind: leave out speakers and reviewers (to share with reviewers)
        </label>
        <p>
          <button type="submit" className="btn btn-secondary">
            Download
          </button>
        </p>
      </form>
    </details>
  );
}
