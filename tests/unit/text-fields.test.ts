import { describe, expect, it } from "vitest";
import { textLength } from "@/lib/text/length";
import { cleanText, email, optionalUrl, text } from "@/lib/text/fields";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("textLength counts what a person sees as characters", () => {
  it.each([
    ["", 0],
    ["Rust", 4],
    ["🦀", 1], // one code point, two UTF-16 units
    ["a🦀b", 3],
    ["e\u0301", 1], // e + combining acute accent
    ["\u00e9", 1], // precomposed é
    ["Zoe\u0308 Mu\u0308ller", 10], // combining diaeresis
    ["👨‍👩‍👧‍👦", 1], // ZWJ family: 7 code points, 11 UTF-16 units
    ["👋🏽", 1], // skin tone modifier
    ["🇩🇪🇯🇵", 2], // two flags (regional indicator pairs)
    ["日本語", 3],
    ["line\nbreak", 10],
  ])("%j has length %i", (s, n) => {
    expect(textLength(s)).toBe(n);
  });

  it("differs from String.length where it should", () => {
    expect("👨‍👩‍👧‍👦".length).toBe(11);
    expect(textLength("👨‍👩‍👧‍👦".repeat(3))).toBe(3);
  });
});

describe("cleanText", () => {
  it("strips NUL and other control characters", () => {
    expect(cleanText("a\u0000b")).toBe("ab");
    expect(cleanText("\u0007bell\u001b[31m\u007f")).toBe("bell[31m");
    expect(cleanText("\u0008\u000b\u000c\u000e\u001f")).toBe("");
  });

  it("keeps newlines and tabs, and turns CRLF and CR into LF", () => {
    expect(cleanText("a\tb\nc")).toBe("a\tb\nc");
    expect(cleanText("one\r\ntwo\rthree")).toBe("one\ntwo\nthree");
  });

  it("normalizes to NFC", () => {
    const decomposed = "Zoe\u0308 Mu\u0308ller";
    expect(cleanText(decomposed)).toBe("Zo\u00eb M\u00fcller");
    expect(cleanText(decomposed)).toHaveLength(10);
    expect(cleanText("\u00e9")).toBe("\u00e9");
  });

  it("leaves emoji (including ZWJ sequences) alone", () => {
    expect(cleanText("🦀 👨‍👩‍👧‍👦")).toBe("🦀 👨‍👩‍👧‍👦");
  });
});

describe("text()", () => {
  const title = text("Title", 5, { required: true });
  const notes = text("Notes", 5);

  it("trims and cleans the value", () => {
    expect(title.parse("  Rust\u0000 \n")).toBe("Rust");
  });

  it("requires a value when asked to, whitespace not counting", () => {
    expect(messages(title.safeParse(""))).toEqual(["Title is required."]);
    expect(messages(title.safeParse("  \n\t "))).toEqual(["Title is required."]);
    expect(messages(title.safeParse("\u0000"))).toEqual(["Title is required."]);
  });

  it("accepts an empty optional field", () => {
    expect(notes.parse("")).toBe("");
    expect(notes.parse("   ")).toBe("");
  });

  it("enforces the maximum in characters, after trimming", () => {
    expect(title.parse("12345")).toBe("12345");
    expect(title.parse("  12345  ")).toBe("12345");
    expect(messages(title.safeParse("123456"))).toEqual(["Title must be at most 5 characters."]);
    expect(messages(notes.safeParse("123456"))).toEqual(["Notes must be at most 5 characters."]);
  });

  it("counts emoji and accented letters as one character each", () => {
    expect(title.parse("👨‍👩‍👧‍👦🦀🇩🇪👋🏽e\u0301")).toBe("👨‍👩‍👧‍👦🦀🇩🇪👋🏽\u00e9");
    expect(title.safeParse("🦀🦀🦀🦀🦀🦀").success).toBe(false);
  });

  it("rejects non-strings", () => {
    expect(title.safeParse(5).success).toBe(false);
    expect(title.safeParse(undefined).success).toBe(false);
  });
});

describe("optionalUrl", () => {
  const website = optionalUrl("Website");
  it.each(["", "https://example.com", "http://example.com/path?q=1", "  https://example.com  "])("accepts %j", (s) => {
    expect(website.safeParse(s).success).toBe(true);
  });
  it.each(["example.com", "javascript:alert(1)", "ftp://example.com", "https://exa mple.com"])("rejects %j", (s) => {
    expect(messages(website.safeParse(s))).toEqual(["Website must be a web address starting with https://"]);
  });
});

describe("email", () => {
  it("trims and lowercases", () => {
    expect(email.parse("  Ada.Lovelace@Example.COM \n")).toBe("ada.lovelace@example.com");
  });

  it("drops control characters before validating", () => {
    expect(email.parse("ada\u0000@example.com")).toBe("ada@example.com");
  });

  it.each(["", "ada", "ada@", "@example.com", "ada@example", "ada lovelace@example.com", "ada@@example.com"])("rejects %j", (s) => {
    expect(messages(email.safeParse(s))).toContain("Enter a valid email address.");
  });

  it("rejects addresses longer than 254 characters", () => {
    const long = `${"a".repeat(64)}@${`${"b".repeat(60)}.`.repeat(4)}com`;
    expect(long.length).toBeGreaterThan(254);
    expect(messages(email.safeParse(long))).toContain("That email address is too long.");
  });
});
