import { describe, expect, it } from "vitest";
import { MAX_TERMS, searchTerms } from "@/lib/search/terms";
import { queueReach } from "@/lib/search/reach";

describe("searchTerms", () => {
  it("keeps letters and digits as lower-case words, once each", () => {
    expect(searchTerms(`Async "Rust" -- async? 2027 café`)).toEqual(["async", "rust", "2027", "café"]);
  });
  it("gives nothing for empty or punctuation-only input, so nothing is filtered", () => {
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms(` *"(){}:^ `)).toEqual([]);
  });
  it("never passes FTS5 or tsquery syntax through", () => {
    expect(searchTerms(`title:x OR NEAR(a b) !c & d | e:*`)).toEqual(["title", "x", "or", "near", "a", "b", "c", "d"].slice(0, MAX_TERMS));
  });
});

describe("queueReach", () => {
  it("lets a blind reviewer match no identity; organizers match everything", () => {
    expect(queueReach("REVIEWER", true)).toBe("blindReviewer");
    expect(queueReach("REVIEWER", false)).toBe("reviewer");
    expect(queueReach("ORGANIZER", true)).toBe("organizer");
  });
});
