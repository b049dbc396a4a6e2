import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffText, diffTokens, wordTokens, type DiffSegment } from "@/lib/activity/diff";

const oldText = (d: DiffSegment[]) =>
  d
    .filter((s) => s.kind !== "added")
    .map((s) => s.text)
    .join("");
const newText = (d: DiffSegment[]) =>
  d
    .filter((s) => s.kind !== "removed")
    .map((s) => s.text)
    .join("");
const S = (text: string): DiffSegment => ({ kind: "same", text });
const A = (text: string): DiffSegment => ({ kind: "added", text });
const R = (text: string): DiffSegment => ({ kind: "removed", text });

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
function graphemeBoundaries(text: string): Set<number> {
  const cuts = new Set([text.length]);
  for (const g of graphemes.segment(text)) cuts.add(g.index);
  return cuts;
}

/** Every place a segment starts or ends falls between two graphemes of the text it belongs to. */
function expectGraphemeSafe(d: DiffSegment[], before: string, after: string) {
  for (const [text, skip] of [
    [before, "added"],
    [after, "removed"],
  ] as const) {
    const allowed = graphemeBoundaries(text);
    let at = 0;
    for (const s of d) {
      if (s.kind === skip) continue;
      at += s.text.length;
      expect(allowed.has(at), `cut at ${at} of ${JSON.stringify(text)}`).toBe(true);
    }
  }
}

function expectTidy(d: DiffSegment[]) {
  for (const [i, s] of d.entries()) {
    expect(s.text).not.toBe("");
    if (i > 0) expect(s.kind === d[i - 1].kind, `two ${s.kind} segments in a row`).toBe(false);
    if (s.kind === "added" && i > 0) expect(d[i - 1].kind, "a change is written removed, then added").not.toBe("added");
  }
}

/** Length of a longest common subsequence, by the textbook table: the reference for minimality. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(x === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], row[j]));
    prev = row;
  }
  return prev[b.length];
}

describe("diffText, hand-checked", () => {
  it.each<[string, string, DiffSegment[]]>([
    ["The quick brown fox", "The slow brown fox", [S("The "), R("quick"), A("slow"), S(" brown fox")]],
    // Two replacements with one space between read as one.
    ["the quick fox", "a slow fox", [R("the quick"), A("a slow"), S(" fox")]],
    ["Hello, world.", "Hello world!", [S("Hello"), R(","), S(" world"), R("."), A("!")]],
    ["Hello world", "Hello world again", [S("Hello world"), A(" again")]],
    ["a big dog", "a small dog", [S("a "), R("big"), A("small"), S(" dog")]],
    ["Learn Rust", "Learn async Rust", [S("Learn "), A("async "), S("Rust")]],
    // Two insertions around a space stay apart (joined, the space would show as removed).
    ["bindgen and", "bindgen, cxx and", [S("bindgen"), A(","), S(" "), A("cxx "), S("and")]],
    // Short unchanged stretches between changes join them (semantic cleanup).
    ["Pin and wakers.", "Pin, wakers and executors.", [S("Pin"), R(" and wakers"), A(", wakers and executors"), S(".")]],
    [
      "First line.\nSecond line.",
      "First line.\n\nA new paragraph.\nSecond line.",
      [S("First line.\n"), A("\nA new paragraph.\n"), S("Second line.")],
    ],
    ["don't panic", "do not panic", [R("don't "), A("do not "), S("panic")]],
    // Graphemes stay whole: the family emoji, an accented letter written with a combining mark.
    ["family 👨‍👩‍👧", "family 👨‍👩‍👦", [S("family "), R("👨‍👩‍👧"), A("👨‍👩‍👦")]],
    ["Cafe\u0301 talk", "Cafe talk", [R("Cafe\u0301"), A("Cafe"), S(" talk")]],
    ["", "New abstract", [A("New abstract")]],
    ["Old abstract", "", [R("Old abstract")]],
    ["Same", "Same", [S("Same")]],
    ["", "", []],
  ])("%j → %j", (before, after, expected) => {
    expect(diffText(before, after)).toEqual(expected);
  });

  it("tokens keep whitespace and punctuation", () => {
    expect(wordTokens("Zero-cost, really?  Yes.\n")).toEqual(["Zero", "-", "cost", ",", " ", "really", "?", "  ", "Yes", ".", "\n"]);
    expect(wordTokens("Line\r\n\n  naïve café\u0301 — 🦀!")).toEqual([
      "Line",
      "\r\n",
      "\n",
      "  ",
      "naïve",
      " ",
      "café\u0301",
      " ",
      "—",
      " ",
      "🦀",
      "!",
    ]);
  });

  it("falls back to lines for a heavy rewrite, refining each changed line word by word", () => {
    const middle = "Ownership and borrowing make data races a compile error.\n".repeat(2);
    const before = `Intro stays.\nalpha beta gamma delta\n${middle}one two three four\nOutro stays.`;
    const after = `Intro stays.\nalpha BETA gamma delta\n${middle}one two THREE four\nOutro stays.`;
    // Between the common start and end, a budget too small to compare word by word, big enough for lines, then each changed line.
    const changed = (t: string) => t.slice("Intro stays.\nalpha ".length, -"four\nOutro stays.".length);
    expect(diffTokens(wordTokens(changed(before)), wordTokens(changed(after)), { steps: 40 })).toBeNull();
    expect(diffText(before, after, 40)).toEqual([
      S("Intro stays.\nalpha "),
      R("beta"),
      A("BETA"),
      S(` gamma delta\n${middle}one two `),
      R("three"),
      A("THREE"),
      S(" four\nOutro stays."),
    ]);
  });

  it("replaces the whole text when even lines are too many to compare", () => {
    expect(diffText("a b c d e f", "g h i j k l", 1)).toEqual([R("a b c d e f"), A("g h i j k l")]);
  });
});

// Texts that share words, so the diffs have real common parts.
const VOCABULARY = [
  "Rust",
  "async",
  "Pin",
  " ",
  " ",
  "  ",
  "\n",
  "\n\n",
  ",",
  ".",
  "—",
  "🦀",
  "👨‍👩‍👧",
  "e\u0301t\u00e9",
  "don't",
  "日本語",
  "🇫🇷",
];
const prose = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 40 }).map((w) => w.join(""));
const anyText = fc.string({ unit: "grapheme", maxLength: 60 });
const anyUnits = fc.string({ unit: "binary", maxLength: 40 }); // lone surrogates, controls, anything
const budgets = fc.constantFrom(1, 10, 100, 400_000);

describe("diffText, properties", () => {
  it("same + removed gives the old text; same + added gives the new one (any budget, so every fallback too)", () => {
    fc.assert(
      fc.property(fc.oneof(prose, anyText, anyUnits), fc.oneof(prose, anyText, anyUnits), budgets, (before, after, budget) => {
        const d = diffText(before, after, budget);
        expect(oldText(d)).toBe(before);
        expect(newText(d)).toBe(after);
        expectTidy(d);
      }),
      { seed: 20261207, numRuns: 2000 },
    );
  });

  it("never cuts through a grapheme", () => {
    fc.assert(
      fc.property(fc.oneof(prose, anyText), fc.oneof(prose, anyText), budgets, (before, after, budget) => {
        expectGraphemeSafe(diffText(before, after, budget), before, after);
      }),
      { seed: 20261207, numRuns: 1000 },
    );
  });

  it("an unchanged text is one same segment", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        expect(diffText(t, t)).toEqual(t ? [S(t)] : []);
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("diffTokens keeps a longest common subsequence of the tokens, and nothing else as same", () => {
    const tokens = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 30 });
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const d = diffTokens(a, b)!;
        expect(oldText(d)).toBe(a.join(""));
        expect(newText(d)).toBe(b.join(""));
        const same = d.filter((s) => s.kind === "same").reduce((n, s) => n + s.text.length, 0);
        expect(same).toBe(lcsLength(a, b));
      }),
      { seed: 20261207, numRuns: 3000 },
    );
  });
});

describe("diffText at the abstract limit (5,000 graphemes)", () => {
  const ENGLISH = ["ownership", "borrowing", "lifetimes", "async", "tokio", "the", "a", "of", "and", "Pin", "wakers", "executor"];
  // Non-ASCII words everywhere: the slow path of the tokenizer (Intl.Segmenter) all along.
  const ACCENTED = ["ownership", "borrowing", "the", "a", "of", "Pin", "é", "🦀", "naïve", "café", "—", "über"];
  const graphemeCount = (t: string) => [...graphemes.segment(t)].length;

  /** About 5,000 graphemes of prose from `vocabulary`, in `paragraphs` paragraphs. */
  function abstract(seed: number, vocabulary: string[], paragraphs: number): string {
    let x = seed;
    const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
    const sentences: string[] = [];
    let sentence: string[] = [];
    let length = 0;
    while (length < 4900) {
      const w = vocabulary[next() % vocabulary.length];
      sentence.push(w);
      length += graphemeCount(w) + 1;
      if (next() % 12 === 0) {
        sentences.push(`${sentence.join(" ")}.`);
        sentence = [];
        length += 1;
      }
    }
    sentences.push(`${sentence.join(" ")}.`);
    const per = Math.ceil(sentences.length / paragraphs);
    return sentences
      .map((t, i) => t + ((i + 1) % per === 0 ? "\n\n" : " "))
      .join("")
      .trim();
  }
  /** Every `every`-th word rewritten. */
  function edit(text: string, every: number): string {
    return text
      .split(" ")
      .map((w, i) => (i % every === 7 % every ? `${w.toUpperCase()}x` : w))
      .join(" ");
  }
  /** Median wall-clock and CPU milliseconds of 7 runs, after a warm-up. */
  function timeOf(before: string, after: string): { wall: number; cpu: number } {
    diffText(before, after);
    const runs = Array.from({ length: 7 }, () => {
      const [t0, c0] = [performance.now(), process.cpuUsage()];
      const d = diffText(before, after);
      const [wall, cpu] = [performance.now() - t0, process.cpuUsage(c0)];
      expect(oldText(d)).toBe(before);
      expect(newText(d)).toBe(after);
      return { wall, cpu: (cpu.user + cpu.system) / 1000 };
    });
    const median = (xs: number[]) => xs.sort((p, q) => p - q)[3];
    return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
  }

  const cases: [string, string, string][] = [];
  for (const [name, words] of [
    ["English", ENGLISH],
    ["accented", ACCENTED],
  ] as const) {
    cases.push(
      [`${name}: one word changed`, abstract(1, words, 5), edit(abstract(1, words, 5), 100_000)],
      [`${name}: a word in 40 changed, one paragraph`, abstract(2, words, 1), edit(abstract(2, words, 1), 40)],
      [`${name}: a word in 5 changed, 12 paragraphs`, abstract(3, words, 12), edit(abstract(3, words, 12), 5)],
      [`${name}: a word in 3 changed, one paragraph`, abstract(4, words, 1), edit(abstract(4, words, 1), 3)],
      [`${name}: two unrelated abstracts`, abstract(5, words, 6), abstract(6, words, 6)],
    );
  }
  it.each(cases)("%s: well under 50 ms", (name, before, after) => {
    expect(graphemeCount(before)).toBeGreaterThanOrEqual(4900);
    expect(graphemeCount(before)).toBeLessThanOrEqual(5000);
    const { wall, cpu } = timeOf(before, after);
    console.log(`diff of 5,000 graphemes, ${name}: ${wall.toFixed(1)} ms wall, ${cpu.toFixed(1)} ms CPU (medians of 7)`);
    expect(cpu).toBeLessThan(50);
  });
});
