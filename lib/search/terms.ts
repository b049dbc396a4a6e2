// What a search box's text becomes: words (letters and digits, lower case),
// each matched as a prefix, all of them required. Both databases get the same
// words, so "async rust" finds the same proposals on SQLite and PostgreSQL.
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 40;
export const MAX_QUERY_LENGTH = 200;

export function searchTerms(text: string | null | undefined): string[] {
  if (!text) return [];
  const words =
    text
      .slice(0, MAX_QUERY_LENGTH)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
}
