// Crafted Markdown that once cost hundreds of milliseconds or crashed the
// renderer (issue 10, finding 9), each within the fields' 10,000-unit reach.
// Shared by tests/unit/markdown-bounds.test.ts and scripts/bench/markdown.tsx.
import { MARKDOWN_LIMITS } from "@/lib/text/markdown-bounds";

const fill = (unit: string, length = 9_900) => unit.repeat(Math.floor(length / unit.length));

function indentedList(step: number, item: string): string {
  let s = "";
  for (let k = 0; s.length < 9_700; k++) s += " ".repeat(step * k) + item + "\n";
  return s;
}

export const MARKDOWN_ATTACKS: Record<string, string> = {
  "2,500 nested emphasis markers": "*".repeat(2_500) + "a" + "*".repeat(2_500),
  "emphasis openers and closers": "*a ".repeat(1_600) + "b" + " a*".repeat(1_600),
  "underscore emphasis": "_a ".repeat(1_600) + "b" + " a_".repeat(1_600),
  "2,500 > in one line": ">".repeat(2_500) + " a",
  "2,500 spaced > markers": "> ".repeat(2_500) + "a",
  "2,500 nested bullets in one line": "- ".repeat(2_500) + "a",
  "nested ordered lists": "1. ".repeat(1_600) + "a",
  "quotes inside list items": "> - ".repeat(1_250) + "a",
  "list nested by indentation": indentedList(2, "- a"),
  "list nested by tabs": indentedList(1, "\t- a").replace(/ /g, "\t"),
  "long link chain": "[a](b)".repeat(1_600),
  "nested link labels": "[".repeat(2_000) + "a](b)" + "](b)".repeat(2_000),
  "nested images": "![".repeat(2_000) + "a](b)" + "](b)".repeat(2_000),
  "unclosed brackets": "[a".repeat(4_900),
  "unclosed code spans": "`a ".repeat(3_300),
  "unclosed html": "<a ".repeat(3_300),
  "reference definitions":
    Array.from({ length: 300 }, (_, i) => `[a${i}]: /x/${i}`).join("\n") +
    "\n" +
    Array.from({ length: 300 }, (_, i) => `[a${i}]`).join(" "),
  "thousands of setext headings": fill("a\n=\n"),
  "thousands of headings": fill("# a\n"),
  "thousands of paragraphs": fill("a\n\n"),
  "over the length limit": fill("lorem ipsum ", 50_000),
};

// One unit of the construct budget is the source's single line.
const units = MARKDOWN_LIMITS.maxConstructs - 1;
const half = Math.floor(units / 2);

/** The worst a source can do and still be parsed: each sits just inside MARKDOWN_LIMITS. */
export const MARKDOWN_AT_LIMITS: Record<string, string> = {
  [`${Math.floor(units / 4)} links in a line`]: "[a](b) ".repeat(units / 4),
  [`${half}-deep emphasis run`]: "*".repeat(half) + "a" + "*".repeat(half),
  [`${half} bold words`]: "**a** ".repeat(half),
  "emphasis openers and closers": "*a ".repeat(half / 2) + "b" + " a*".repeat(half / 2),
  [`${units} unclosed code spans`]: "`a ".repeat(units),
  [`${half} unclosed brackets`]: "[a ".repeat(half),
  [`${units} unclosed html`]: "<a ".repeat(units),
  "8-deep quotes, many lines": "> > > > > > > > a\n".repeat(Math.floor((units + 1) / 9)).trimEnd(),
  "8-deep bullets, many lines": "- - - - - - - - a\n".repeat(Math.floor((units + 1) / 17)).trimEnd(),
  "list nested 7 deep by indentation": Array.from({ length: 7 }, (_, k) => " ".repeat(2 * k) + "- a").join("\n"),
  "setext headings": "a\n=\n".repeat(half).trimEnd(),
  headings: "# a\n".repeat(units).trimEnd(),
  paragraphs: "a\n\n".repeat(half + 1).trimEnd(),
  "long plain text": "lorem ipsum dolor sit amet ".repeat(370),
};
