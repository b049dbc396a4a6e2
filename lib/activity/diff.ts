// A readable diff of two texts, word by word: what the activity log shows
// when a speaker edits a title or an abstract after submitting.
import { ADDED, editScript, REMOVED, SAME, type Budget } from "./myers";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

/**
 * Most steps (about tokens × edits) the word-level diff may take, and then
 * the line-level one: small edits to long texts stay word by word, a heavy
 * rewrite is shown line by line, each changed block word by word while the
 * budget lasts. About 2 ms each on a 5,000-character abstract.
 */
const STEP_BUDGET = 100_000;

/**
 * Segments whose "same" and "removed" texts join to `before` and whose
 * "same" and "added" texts join to `after`. A change is written removed,
 * then added; no two neighbours have the same kind; no text is empty.
 */
export function diffText(before: string, after: string, budget = STEP_BUDGET): DiffSegment[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const { prefix, a, b, suffix } = trimCommon(before, after);
  const [ta, tb] = [wordTokens(a), wordTokens(b)];
  const middle = diffTokens(ta, tb, { steps: budget }) ?? diffByLines(ta, tb, { steps: budget });
  return tidy([{ kind: "same", text: prefix }, ...middle, { kind: "same", text: suffix }]);
}

/** The edit script between two token lists as segments, or null over budget. */
export function diffTokens(a: readonly string[], b: readonly string[], budget: Budget = { steps: STEP_BUDGET }): DiffSegment[] | null {
  const script = editScript(a, b, budget);
  if (!script) return null;
  const out: DiffSegment[] = [];
  let [same, removed, added] = ["", "", ""];
  const flush = () => {
    out.push({ kind: "same", text: same }, { kind: "removed", text: removed }, { kind: "added", text: added });
    same = removed = added = "";
  };
  for (const [op, i] of script) {
    if (op === SAME) {
      if (removed || added) flush();
      same += a[i];
    } else if (op === REMOVED) removed += a[i];
    else added += b[i];
  }
  flush();
  return out.filter((s) => s.text);
}

/** Lines of tokens (a line break is always a token of its own), compared whole, then each changed block by words. */
function diffByLines(a: string[], b: string[], budget: Budget): DiffSegment[] {
  const [la, lb] = [linesOf(a), linesOf(b)];
  const script = editScript(
    la.map((l) => l.text),
    lb.map((l) => l.text),
    budget,
  );
  // No line in common: the word-level diff of these same tokens already failed.
  if (!script?.some(([op]) => op === SAME)) return replaced(a.join(""), b.join(""));
  const out: DiffSegment[] = [];
  let [i, j, hunkI, hunkJ] = [0, 0, 0, 0];
  const hunk = () => {
    const ta = i > hunkI ? a.slice(la[hunkI].from, la[i - 1].to) : [];
    const tb = j > hunkJ ? b.slice(lb[hunkJ].from, lb[j - 1].to) : [];
    out.push(...(diffTokens(ta, tb, budget) ?? replaced(ta.join(""), tb.join(""))));
  };
  for (const [op] of script) {
    if (op === SAME) {
      hunk();
      out.push({ kind: "same", text: la[i].text });
      [hunkI, hunkJ] = [++i, ++j];
    } else if (op === REMOVED) i++;
    else if (op === ADDED) j++;
  }
  hunk();
  return out;
}

function linesOf(tokens: string[]): { text: string; from: number; to: number }[] {
  const lines: { text: string; from: number; to: number }[] = [];
  let from = 0;
  tokens.forEach((t, i) => {
    if (t.endsWith("\n") || i === tokens.length - 1) {
      lines.push({ text: tokens.slice(from, i + 1).join(""), from, to: i + 1 });
      from = i + 1;
    }
  });
  return lines;
}

function replaced(a: string, b: string): DiffSegment[] {
  return [
    { kind: "removed", text: a },
    { kind: "added", text: b },
  ];
}

const words = new Intl.Segmenter("en", { granularity: "word" });
const PIECES = /[\t\n\v\f\r ]+|[^\t\n\v\f\r ]+/g;
const SPACE_PIECE = /^[\t\n\v\f\r ]/;
const NON_ASCII = /[^\p{ASCII}]/u;
// As Unicode's word rules have it: "don't", "3.14", "1,000" and "y.com" are one word each.
const ASCII_WORDS = /[A-Za-z0-9_]+(?:(?:['.]|(?<=[0-9]),(?=[0-9]))[A-Za-z0-9_]+)*|[^]/g;
const ASCII_SPACES = /[ \t\v\f]+|\r\n|[^]/g;

/**
 * Words, runs of spaces, line breaks and single punctuation marks; never
 * splits a grapheme. Plain ASCII is cut by regular expressions (several times
 * faster); a word with anything else in it goes, with the spaces around it,
 * to Intl.Segmenter, so every other cut falls between two ASCII characters,
 * which always start a new grapheme (CR LF aside, kept whole).
 */
export function wordTokens(text: string): string[] {
  const pieces = text.match(PIECES) ?? [];
  const special = pieces.map((p) => NON_ASCII.test(p));
  const out: string[] = [];
  let stretch = "";
  const segmentStretch = () => {
    for (const s of words.segment(stretch)) out.push(s.segment);
    stretch = "";
  };
  pieces.forEach((p, i) => {
    const isSpace = SPACE_PIECE.test(p);
    if (special[i] || (isSpace && (special[i - 1] || special[i + 1]))) stretch += p;
    else {
      if (stretch) segmentStretch();
      out.push(...(p.match(isSpace ? ASCII_SPACES : ASCII_WORDS) ?? []));
    }
  });
  if (stretch) segmentStretch();
  return out;
}

/**
 * The common start and end of two texts, cut only where a space is followed
 * by a letter, digit or punctuation mark: a word boundary that is also a
 * grapheme boundary. Only the middle is tokenized, so small edits are cheap.
 */
function trimCommon(before: string, after: string) {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  while (p > 0 && !(cutAt(before, p) && cutAt(after, p))) p--;
  let q = 0;
  while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  while (q > 0 && !(cutAt(before, before.length - q) && cutAt(after, after.length - q))) q--;
  return {
    prefix: before.slice(0, p),
    a: before.slice(p, before.length - q),
    b: after.slice(p, after.length - q),
    suffix: before.slice(before.length - q),
  };
}

const SPACE = /\s/;
const STARTS_A_CLUSTER = /^[\p{L}\p{N}\p{P}]/u;
const EXTENDS = /^\p{Grapheme_Extend}/u;

function cutAt(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const rest = text.slice(i, i + 2);
  return SPACE.test(text[i - 1]) && STARTS_A_CLUSTER.test(rest) && !EXTENDS.test(rest);
}

type Run = { same: string } | { removed: string; added: string };

/**
 * Merges neighbours of one kind and drops empty texts. A short unchanged
 * stretch between two changes can join them (see `joins`), as in
 * diff-match-patch's semantic cleanup: "the quick" → "a slow" reads better
 * than "the"→"a", " ", "quick"→"slow". Every text stays intact.
 */
function tidy(segments: DiffSegment[]): DiffSegment[] {
  const runs: Run[] = [];
  for (const s of segments) {
    if (!s.text) continue;
    const last = runs[runs.length - 1];
    if (s.kind === "same") {
      if (last && "same" in last) last.same += s.text;
      else runs.push({ same: s.text });
    } else if (last && !("same" in last)) last[s.kind] += s.text;
    else runs.push(s.kind === "removed" ? { removed: s.text, added: "" } : { removed: "", added: s.text });
  }
  let i = 1;
  while (i < runs.length - 1) {
    const [left, gap, right] = [runs[i - 1], runs[i], runs[i + 1]];
    if ("same" in gap && !("same" in left) && !("same" in right) && joins(left, gap.same, right)) {
      runs.splice(i - 1, 3, { removed: left.removed + gap.same + right.removed, added: left.added + gap.same + right.added });
      i = Math.max(1, i - 2);
    } else i++;
  }
  return runs.flatMap((r): DiffSegment[] =>
    "same" in r
      ? [{ kind: "same", text: r.same }]
      : [
          { kind: "removed" as const, text: r.removed },
          { kind: "added" as const, text: r.added },
        ].filter((s) => s.text),
  );
}

/**
 * Whether a short unchanged stretch should join the changes on each side:
 * no longer than either, within a line, and only into a real replacement
 * (two insertions around a space stay apart: joining them would show the
 * space as removed).
 */
function joins(left: { removed: string; added: string }, gap: string, right: { removed: string; added: string }): boolean {
  const longest = (c: typeof left) => Math.max(c.removed.length, c.added.length);
  const replaces = (left.removed || right.removed) && (left.added || right.added);
  return Boolean(replaces) && !gap.includes("\n") && gap.length <= longest(left) && gap.length <= longest(right);
}
