import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/text/proposal-limits";
import { saveProposalInput } from "@/lib/proposals/schemas";

const valid = {
  title: "Async Rust Without the Tears: Pin, Wakers and You",
  abstract: "We build a tiny executor from scratch and learn when Pin matters.",
  notes: "",
  level: "INTERMEDIATE",
  sessionTypeId: "cm0sessiontype0000000001",
  trackId: "cm0track00000000000000001",
};

function errorsOf(input: unknown): Record<string, string[]> {
  const r = saveProposalInput.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of r.error.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe("saveProposalInput", () => {
  it("accepts a valid proposal and defaults intent to draft", () => {
    expect(saveProposalInput.parse(valid)).toEqual({ ...valid, intent: "draft" });
  });

  it("accepts intent submit and rejects unknown intents", () => {
    expect(saveProposalInput.parse({ ...valid, intent: "submit" }).intent).toBe("submit");
    expect(errorsOf({ ...valid, intent: "publish" })).toHaveProperty("intent");
  });

  it("cleans and trims text fields", () => {
    const parsed = saveProposalInput.parse({ ...valid, title: "  Lifetimes\u0000 Demystified \r\n", notes: "a\r\nb" });
    expect(parsed.title).toBe("Lifetimes Demystified");
    expect(parsed.notes).toBe("a\nb");
  });

  it("accepts a 150-character title and rejects 151", () => {
    expect(LIMITS.title).toBe(150);
    expect(saveProposalInput.safeParse({ ...valid, title: "x".repeat(150) }).success).toBe(true);
    expect(errorsOf({ ...valid, title: "x".repeat(151) })).toEqual({ title: ["Title must be at most 150 characters."] });
  });

  it("counts the title in graphemes: 150 family emoji fit", () => {
    const family = "👨‍👩‍👧‍👦";
    expect(saveProposalInput.safeParse({ ...valid, title: family.repeat(150) }).success).toBe(true);
    expect(errorsOf({ ...valid, title: family.repeat(151) })).toEqual({ title: ["Title must be at most 150 characters."] });
  });

  it("accepts a 5000-character abstract and rejects 5001", () => {
    expect(LIMITS.abstract).toBe(5000);
    expect(saveProposalInput.safeParse({ ...valid, abstract: "y".repeat(5000) }).success).toBe(true);
    expect(errorsOf({ ...valid, abstract: "y".repeat(5001) })).toEqual({
      abstract: ["Abstract must be at most 5000 characters."],
    });
  });

  it("limits notes to 2000 characters", () => {
    expect(saveProposalInput.safeParse({ ...valid, notes: "n".repeat(2000) }).success).toBe(true);
    expect(errorsOf({ ...valid, notes: "n".repeat(2001) })).toEqual({
      notes: ["Notes for reviewers must be at most 2000 characters."],
    });
  });

  it("requires only a title: a draft may leave everything else empty (submitting checks the rest)", () => {
    expect(errorsOf({ ...valid, title: " ", abstract: "" })).toEqual({ title: ["Title is required."] });
    expect(saveProposalInput.parse({ title: "Just a title" })).toMatchObject({
      title: "Just a title",
      abstract: "",
      notes: "",
      level: null,
      sessionTypeId: null,
      trackId: null,
      intent: "draft",
    });
  });

  it("reads an empty session type or level (a select or radio left alone) as not chosen", () => {
    expect(saveProposalInput.parse({ ...valid, sessionTypeId: "", level: "" })).toMatchObject({ sessionTypeId: null, level: null });
  });

  it("refuses a level that does not exist", () => {
    expect(errorsOf({ ...valid, level: "EXPERT" })).toEqual({ level: ["Choose a level."] });
  });

  it.each([
    ["", null],
    [undefined, null],
    ["cm0track00000000000000002", "cm0track00000000000000002"],
  ])("turns trackId %j into %j", (trackId, expected) => {
    expect(saveProposalInput.parse({ ...valid, trackId }).trackId).toBe(expected);
  });

  it("rejects over-long ids", () => {
    expect(errorsOf({ ...valid, sessionTypeId: "s".repeat(65) })).toHaveProperty("sessionTypeId");
    expect(errorsOf({ ...valid, trackId: "t".repeat(65) })).toHaveProperty("trackId");
  });
});
