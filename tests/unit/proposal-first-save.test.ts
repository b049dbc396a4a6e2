import { describe, expect, it } from "vitest";
import { newProposalInput } from "@/lib/proposals/first-save-schema";
import { missingForSubmission } from "@/lib/lifecycle/submittable";

const errorsOf = (input: unknown) => {
  const r = newProposalInput.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the new-proposal form's co-speakers", () => {
  it("reads addresses separated by commas, spaces or lines, normalized and without duplicates", () => {
    expect(newProposalInput.parse({ title: "T", coSpeakers: " Ada@Example.org,\ngrace@example.org ada@example.org" }).coSpeakers).toEqual([
      "ada@example.org",
      "grace@example.org",
    ]);
    expect(newProposalInput.parse({ title: "T" }).coSpeakers).toEqual([]);
  });

  it("names the entry that is not an address, next to the field", () => {
    expect(errorsOf({ title: "T", coSpeakers: "ada@example.org, not-an-address" })).toEqual({
      coSpeakers: "“not-an-address” is not an email address.",
    });
  });

  it("refuses more co-speakers than a proposal can have", () => {
    const five = ["a", "b", "c", "d", "e"].map((x) => `${x}@example.org`).join(",");
    expect(errorsOf({ title: "T", coSpeakers: five })).toEqual({ coSpeakers: "A proposal has at most 5 speakers: invite at most 4." });
  });

  it("turns an empty talk id into none", () => {
    expect(newProposalInput.parse({ title: "T", talkId: "" }).talkId).toBeNull();
  });
});

describe("missingForSubmission", () => {
  it("asks for abstract, level and session type, and nothing more of a complete proposal", () => {
    expect(Object.keys(missingForSubmission({ title: "T", abstract: " ", level: null, sessionTypeId: null }))).toEqual([
      "abstract",
      "level",
      "sessionTypeId",
    ]);
    expect(missingForSubmission({ title: "T", abstract: "A", level: "BEGINNER", sessionTypeId: "s" })).toEqual({});
  });
});
