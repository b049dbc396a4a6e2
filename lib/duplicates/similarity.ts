// How alike two proposals' texts are: Jaccard similarity (shared / all) of
// shingle sets. Titles are short, so they are compared by character
// trigrams ("async rust" and "rust async" still share most); abstracts by
// word pairs, whose overlap between unrelated texts in one language stays
// near zero while a lightly edited copy keeps most of them.
// docs/decisions/0019-search-tags-caps.md.

/** Lower case, letters and digits only, single spaces. */
export function normalize(text: string): string {
  return (
    text
      .normalize("NFKD")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(" ");
}

export function charTrigrams(text: string): Set<string> {
  const s = ` ${normalize(text)} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

export function wordPairs(text: string): Set<string> {
  const words = normalize(text).split(" ").filter(Boolean);
  const out = new Set<string>();
  if (words.length === 1) out.add(words[0]);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Titles this alike (character trigrams) are likely one talk. */
export const TITLE_THRESHOLD = 0.6;
/** Abstracts this alike (word pairs) are likely one talk. */
export const ABSTRACT_THRESHOLD = 0.5;

export type Shingled = { title: Set<string>; abstract: Set<string> };

export function shingle(p: { title: string; abstract: string }): Shingled {
  return { title: charTrigrams(p.title), abstract: wordPairs(p.abstract) };
}

/** The pair's similarity (the higher of title and abstract) when either passes its threshold; null otherwise. */
export function likelySame(a: Shingled, b: Shingled): number | null {
  const title = jaccard(a.title, b.title);
  const abstract = jaccard(a.abstract, b.abstract);
  if (title < TITLE_THRESHOLD && abstract < ABSTRACT_THRESHOLD) return null;
  return Math.max(title, abstract);
}
