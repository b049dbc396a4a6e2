// textLength segments short windows (lib/text/length.ts) so that a long post
// cannot hold the server for a minute: it must count exactly what
// Intl.Segmenter counts over the whole string, on text built from the pieces
// that make grapheme breaking hard, across many window boundaries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { text } from "@/lib/text/fields";
import { textLength } from "@/lib/text/length";
import { cpuMsOf } from "@/tests/support/cpu-time";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const clusters = (s: string) => [...segmenter.segment(s)].map((x) => x.segment);

const PIECES = [
  "a",
  "Z",
  " ",
  "\n",
  "\r\n",
  "\r",
  "\t",
  "語",
  "é",
  "e\u0301",
  "\u0308",
  "\u0324", // letters, line ends, combining marks
  "🦀",
  "👩🏽‍💻",
  "👨‍👩‍👧‍👦",
  "\u200D",
  "🏽",
  "❤️",
  "\uFE0F", // emoji, joiners, modifiers, variation selector
  "🇩",
  "🇪",
  "🇯🇵", // regional indicators: pairs make flags, parity matters
  "\u1100",
  "\u1161",
  "\u11A8",
  "한", // Hangul jamo L V T and a syllable
  "क",
  "्",
  "ष",
  "ि", // Devanagari consonant, virama, vowel sign (conjuncts)
  "\u0600",
  "\u0915\u094D\u0937", // prepended concatenation mark, a conjunct
] as const;

const textArb = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 900, size: "max" }).map((parts) => parts.join(""));

describe("textLength", () => {
  it("counts exactly like Intl.Segmenter over the whole string", () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const whole = clusters(s);
        // A cluster longer than the look-ahead may be counted as more than one (never fewer).
        if (whole.some((c) => c.length > 64)) expect(textLength(s)).toBeGreaterThanOrEqual(whole.length);
        else expect(textLength(s)).toBe(whole.length);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it("with a stop, says correctly whether the text is over it", () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 0, max: 1200 }), (s, max) => {
        const n = clusters(s).length;
        expect(textLength(s, max) > max).toBe(n > max);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it("checks a 250 000-character field against its limit in well under a second", () => {
    const title = text("Title", 150);
    for (const s of ["x".repeat(250_000), "語".repeat(250_000), "🦀".repeat(125_000), "👨‍👩‍👧‍👦".repeat(22_000)]) {
      const { result, ms } = cpuMsOf(() => title.safeParse(s));
      expect(result.success).toBe(false);
      expect(ms).toBeLessThan(500);
    }
  });
});
