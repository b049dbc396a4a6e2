// Limits checked on Markdown source BEFORE it is parsed. The parser (micromark)
// costs time per block and per inline construct, is quadratic on some inputs
// (thousands of emphasis delimiters, brackets or backticks in one paragraph),
// and the tree walkers after it are recursive: thousands of nested `>` or list
// markers overflow the stack. A source over any limit is shown as plain text,
// never parsed. Nothing is lost, and text people write stays far below these
// limits. Measured in docs/decisions/0011-csp-and-markdown-limits.md.

export const MARKDOWN_LIMITS = {
  /** UTF-16 code units. */
  maxLength: 10_000,
  /** Block markers (`>`, list bullets, `1.`) at one line's start, plus the indentation of a nested list item. */
  maxDepth: 8,
  /** Lines, block markers and inline markup, weighed by what each costs the parser (`markupWeight`), in the whole source. */
  maxConstructs: 300,
} as const;

export type BoundedMarkdown = { kind: "markdown"; source: string } | { kind: "text"; text: string; reason: string };

const BLOCK_MARKER = /^[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const INLINE_MARKUP = /([*_`])\1*|[[\]<\\]/g;

/** A line's block markers, how deeply its start nests blocks, and what its markers cost (a list item twice a quote). */
export function lineNesting(line: string): { markers: number; depth: number; weight: number } {
  let rest = line.trimStart();
  const indent = line.slice(0, line.length - rest.length).replace(/\t/g, "    ").length;
  let markers = 0;
  let weight = 0;
  for (let m = BLOCK_MARKER.exec(rest); m && markers <= MARKDOWN_LIMITS.maxDepth; m = BLOCK_MARKER.exec(rest)) {
    markers += 1;
    weight += m[0].trim() === ">" ? 1 : 2;
    rest = rest.slice(m[0].length);
  }
  // Indentation nests only when it leads to a marker (a list item about two columns right of its parent);
  // indented code and continuation lines open nothing.
  return { markers, depth: markers === 0 ? 0 : markers + Math.floor(indent / 2), weight };
}

/** A bracket (half a link) costs about twice a line; a long emphasis run costs per character, each pair nesting once more. */
export function markupWeight(markup: string): number {
  if (markup === "[" || markup === "]") return 2;
  return markup.length <= 3 ? 1 : markup.length;
}

/** Why the source must not be parsed, or null when it may be. One linear pass, no parsing. */
export function markdownOverLimit(source: string): string | null {
  if (source.length > MARKDOWN_LIMITS.maxLength) return "too long";
  let constructs = 0;
  for (const line of source.split(/\r\n?|\n/)) {
    const nesting = lineNesting(line);
    if (nesting.depth > MARKDOWN_LIMITS.maxDepth) return "nested too deeply";
    constructs += 1 + nesting.weight;
    for (const m of line.matchAll(INLINE_MARKUP)) constructs += markupWeight(m[0]);
    if (constructs > MARKDOWN_LIMITS.maxConstructs) return "too much markup";
  }
  return null;
}

export function boundMarkdown(source: string): BoundedMarkdown {
  const reason = markdownOverLimit(source);
  return reason ? { kind: "text", text: source, reason } : { kind: "markdown", source };
}
