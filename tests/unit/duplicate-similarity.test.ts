import { describe, expect, it } from "vitest";
import { charTrigrams, jaccard, likelySame, normalize, shingle, wordPairs } from "@/lib/duplicates/similarity";
import { RUST_TALKS } from "@/tests/factories/proposals";

describe("duplicate similarity", () => {
  it("normalizes case, accents and punctuation", () => {
    expect(normalize("Café-Driven  Rust!")).toBe("cafe driven rust");
  });

  it("is Jaccard over shingles: 1 for equal sets, 0 for disjoint or empty", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["a", "b"]))).toBe(1);
    expect(jaccard(new Set(["a"]), new Set(["b"]))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"]))).toBeCloseTo(0.5);
    expect(charTrigrams("ab").size).toBe(2);
    expect(wordPairs("one two three")).toEqual(new Set(["one two", "two three"]));
  });

  it("flags a retitled or lightly edited copy", () => {
    const talk = RUST_TALKS[0];
    const retitled = { title: "Async Rust without tears: Pin & Wakers", abstract: "Something else entirely, written anew." };
    expect(likelySame(shingle(talk), shingle(retitled))).toBeGreaterThan(0.6);
    const edited = { title: "Executors from scratch", abstract: talk.abstract.replace("tiny", "small") + " With live coding." };
    expect(likelySame(shingle(talk), shingle(edited))).toBeGreaterThan(0.5);
  });

  it("never flags two different talks of the demo set", () => {
    for (const [i, a] of RUST_TALKS.entries()) {
      for (const b of RUST_TALKS.slice(i + 1)) expect(likelySame(shingle(a), shingle(b)), `${a.title} / ${b.title}`).toBeNull();
    }
  });
});
