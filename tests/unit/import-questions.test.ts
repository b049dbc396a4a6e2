// Questions and answers as the import readers see them (lib/imports): the
// kinds and options a file defines, and answers in each tool's words turned
// into what our form would send.
import { describe, expect, it } from "vitest";
import { formText, importedQuestion, missingLabels, pickedOptions } from "@/lib/imports/question-values";
import { readImportFile } from "@/lib/imports/read-source";

const options = [
  { key: "a", identifier: "RUST0001", label: "Rust" },
  { key: "b", identifier: "WEB00002", label: "Web" },
  { key: "c", identifier: null, label: "Embedded, bare metal" },
];

describe("answers in a tool's words", () => {
  it("reads yes/no, dates and date-times as the form sends them", () => {
    expect(["True", "yes", "1", "Ja"].map((s) => formText("BOOLEAN", s))).toEqual(["true", "true", "true", "true"]);
    expect(["False", "no", "0"].map((s) => formText("BOOLEAN", s))).toEqual(["false", "false", "false"]);
    expect(formText("BOOLEAN", "maybe")).toBe("maybe");
    expect(formText("DATETIME", "2027-05-12T09:30:00+02:00")).toBe("2027-05-12T09:30");
    expect(formText("DATE", "2027-05-12T00:00:00Z")).toBe("2027-05-12");
    expect(formText("NUMBER", " 3 ")).toBe("3");
  });

  it("finds picked options by identifier, then by label; a label with a comma is one option", () => {
    const a = (text: string, picked: { identifier: string | null; label: string }[] = []) => ({ question: "q", text, options: picked });
    expect(pickedOptions(options, "MULTIPLE_CHOICE", a("", [{ identifier: "WEB00002", label: "Renamed" }]))).toEqual(["b"]);
    expect(pickedOptions(options, "MULTIPLE_CHOICE", a("rust, Web"))).toEqual(["a", "b"]);
    expect(pickedOptions(options, "CHOICES", a("Embedded, bare metal"))).toEqual(["c"]);
    expect(pickedOptions(options, "CHOICES", a("Cloud"))).toBeNull();
    expect(pickedOptions(options, "MULTIPLE_CHOICE", a("", [{ identifier: null, label: "Cloud" }]))).toBeNull();
    expect(missingLabels(options, "MULTIPLE_CHOICE", a("Rust, Cloud, Go"))).toEqual([
      { identifier: null, label: "Cloud" },
      { identifier: null, label: "Go" },
    ]);
  });

  it("keeps a question's limits only for its kind and within our ceilings", () => {
    const q = importedQuestion({
      sourceId: "1",
      target: "SUBMISSION",
      question: "  Bio? ",
      variant: "STRING",
      maxLength: 9999,
      maxNumber: 3,
    });
    expect(q).toMatchObject({ question: "Bio?", maxLength: 300, maxNumber: null, requirement: "OPTIONAL", visibleToReviewers: true });
    expect(
      importedQuestion({ sourceId: "2", target: "SPEAKER", question: "Size", options: [{ identifier: null, label: "S" }] }).variant,
    ).toBe("CHOICES");
  });
});

describe("questions in pretalx files", () => {
  it("reads the questions list, answers by question id with options by id, and speakers' answers", () => {
    const file = {
      questions: [
        {
          id: 7,
          question: { en: "Topics" },
          variant: "multiple_choice",
          target: "submission",
          question_required: "after_deadline",
          options: [
            { id: 70, identifier: "RUST0001", answer: { en: "Rust" } },
            { id: 71, identifier: "WEB00002", answer: { en: "Web" } },
          ],
        },
        { id: 8, question: "Pronouns", variant: "string", target: "speaker", max_length: 40 },
        { id: 9, question: "Confidence", variant: "boolean", target: "reviewer" },
      ],
      submissions: [
        {
          code: "ABCDE",
          title: "A talk",
          state: "submitted",
          waitlisted: true,
          pending_state: "accepted",
          level: "advanced",
          speakers: ["SPKR1"],
          answers: [
            { question: 7, answer: "Rust, Web", options: [70, 71] },
            { question: { id: 12, question: "Do you need travel support?", variant: "boolean" }, answer: "True" },
          ],
        },
      ],
      speakers: [{ code: "SPKR1", name: "Jo", answers: [{ question: 8, answer: "they/them" }], github: "jo" }],
    };
    const { proposals, questions } = readImportFile("pretalx", JSON.stringify(file));
    expect(questions.map((q) => [q.sourceId, q.question, q.target, q.variant, q.requirement])).toEqual([
      ["7", "Topics", "SUBMISSION", "MULTIPLE_CHOICE", "OPTIONAL"],
      ["8", "Pronouns", "SPEAKER", "STRING", "OPTIONAL"],
      ["12", "Do you need travel support?", "SUBMISSION", "BOOLEAN", "OPTIONAL"],
    ]);
    expect(questions[0].options).toEqual([
      { identifier: "RUST0001", label: "Rust" },
      { identifier: "WEB00002", label: "Web" },
    ]);
    expect(questions[1].maxLength).toBe(40);
    const [p] = proposals;
    expect(p).toMatchObject({ status: "WAITLISTED", pendingDecision: "ACCEPTED", level: "ADVANCED" });
    expect(p.answers).toEqual([
      {
        question: "7",
        text: "Rust, Web",
        options: [
          { identifier: "RUST0001", label: "Rust" },
          { identifier: "WEB00002", label: "Web" },
        ],
      },
      { question: "12", text: "True", options: [] },
    ]);
    expect(p.speakers[0]).toMatchObject({ name: "Jo", github: "jo", answers: [{ question: "8", text: "they/them", options: [] }] });
  });
});

describe("questions in Sessionize files", () => {
  it("takes the kind from the question type and the target from who answers", () => {
    const file = {
      sessions: [{ id: 1, title: "Talk", speakers: ["s1"], questionAnswers: [{ questionId: 1, answerValue: "Yes" }] }],
      speakers: [{ id: "s1", fullName: "Jo", questionAnswers: [{ questionId: 2, answerValue: "https://jo.example" }] }],
      questions: [
        { id: 1, question: "Given before?", questionType: "Yes/No" },
        { id: 2, question: "Blog", questionType: "Web_Url" },
        { id: 3, question: "Anything else?", questionType: "Long_Text" },
      ],
    };
    const { proposals, questions } = readImportFile("sessionize", JSON.stringify(file));
    expect(questions.map((q) => [q.question, q.target, q.variant])).toEqual([
      ["Given before?", "SUBMISSION", "BOOLEAN"],
      ["Blog", "SPEAKER", "URL"],
      ["Anything else?", "SUBMISSION", "TEXT"],
    ]);
    expect(proposals[0].answers).toEqual([{ question: "1", text: "Yes", options: [] }]);
    expect(proposals[0].speakers[0].answers).toEqual([{ question: "2", text: "https://jo.example", options: [] }]);
  });
});
