import { MAX_QUERY_LENGTH } from "@/lib/search/terms";

/** The search box of a GET filter form: every word must appear (as the start of a word) in the proposal. */
export function SearchInput({ id, value, hint }: { id: string; value?: string; hint: string }) {
  return (
    <>
      <label htmlFor={id} className="label" style={{ margin: 0 }}>
        Search
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={value ?? ""}
        maxLength={MAX_QUERY_LENGTH}
        aria-describedby={`${id}-hint`}
        style={{ width: "auto", minWidth: "14rem" }}
      />
      <span id={`${id}-hint`} className="visually-hidden">
        {hint}
      </span>
    </>
  );
}
