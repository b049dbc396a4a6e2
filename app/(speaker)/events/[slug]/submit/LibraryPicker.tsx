import Link from "next/link";

/** "Start from a talk in your library": a plain GET form, so it works before any script runs. */
export function LibraryPicker({ talks, selected }: { talks: { id: string; title: string }[]; selected: string | null }) {
  if (talks.length === 0) return null;
  return (
    <form method="get" className="card" aria-labelledby="library-picker">
      <h2 id="library-picker">Start from a talk in your library</h2>
      <p className="hint">
        The form is filled with the talk&apos;s latest text; what you change here stays with this event.{" "}
        <Link href="/speaker/talks">Your library</Link>
      </p>
      <div className="row">
        <label htmlFor="library-talk">Talk</label>
        <select id="library-talk" name="talk" defaultValue={selected ?? ""}>
          <option value="">A new talk</option>
          {talks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-secondary">
          Use this talk
        </button>
      </div>
    </form>
  );
}
