// What a question can be, shared by the schemas and the browser's forms:
// kept free of zod and Prisma so client components can import it.

export const VARIANTS = ["STRING", "TEXT", "NUMBER", "URL", "DATE", "DATETIME", "BOOLEAN", "CHOICES", "MULTIPLE_CHOICE"] as const;
export type Variant = (typeof VARIANTS)[number];

export const TARGETS = ["SUBMISSION", "SPEAKER", "REVIEWER"] as const;
export type Target = (typeof TARGETS)[number];

export const REQUIREMENTS = ["OPTIONAL", "REQUIRED", "AFTER_DEADLINE"] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const VARIANT_LABELS: Record<Variant, string> = {
  STRING: "Short text",
  TEXT: "Long text",
  NUMBER: "Number",
  URL: "Web address",
  DATE: "Date",
  DATETIME: "Date and time",
  BOOLEAN: "Yes / no",
  CHOICES: "One choice",
  MULTIPLE_CHOICE: "Several choices",
};

export const TARGET_LABELS: Record<Target, string> = {
  SUBMISSION: "Each proposal",
  SPEAKER: "Each speaker (once per event)",
  REVIEWER: "Each review",
};

export const REQUIREMENT_LABELS: Record<Requirement, string> = {
  OPTIONAL: "Optional",
  REQUIRED: "Required",
  AFTER_DEADLINE: "Required from a date",
};

/** The longest a text answer may ever be, whatever the question's own limit. */
export const TEXT_CEILING: Record<"STRING" | "TEXT" | "URL", number> = { STRING: 300, TEXT: 5000, URL: 300 };
export const MAX_OPTIONS = 50;
export const QUESTION_TEXT_MAX = 300;
export const HELP_TEXT_MAX = 1000;
export const OPTION_TEXT_MAX = 150;

export const isChoice = (v: Variant) => v === "CHOICES" || v === "MULTIPLE_CHOICE";
export const isText = (v: Variant): v is "STRING" | "TEXT" | "URL" => v === "STRING" || v === "TEXT" || v === "URL";

/** The form field that carries a question's answer. */
export const answerField = (questionId: string) => `q.${questionId}`;

/** The effective length limit of a text answer. */
export function maxLengthOf(q: { variant: Variant; maxLength: number | null }): number {
  return isText(q.variant) ? Math.min(q.maxLength ?? TEXT_CEILING[q.variant], TEXT_CEILING[q.variant]) : 0;
}

/** A stored answer: text for most kinds, the picked option ids for choices. */
export type FormAnswer = { answer: string; optionIds: string[] };

/** What a question limits: length in graphemes, number and date ranges, how many options are picked. */
export type QuestionLimits = {
  minLength: number | null;
  maxLength: number | null;
  minNumber: number | null;
  maxNumber: number | null;
  minDate: string | null;
  maxDate: string | null;
  minChoices: number | null;
  maxChoices: number | null;
};

/** A question as a form shows it, with whether it is required and read-only now. */
export type FormQuestion = QuestionLimits & {
  id: string;
  target: Target;
  variant: Variant;
  question: string;
  helpText: string;
  options: { id: string; answer: string }[];
  trackIds: string[];
  sessionTypeIds: string[];
  required: boolean;
  /** A required yes/no question: one box to tick, only "Yes" accepted (rules.ts, isConsent). */
  consent: boolean;
  readOnly: boolean;
};
