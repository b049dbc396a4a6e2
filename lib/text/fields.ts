import { z } from "zod";
import { textLength } from "./length";

// Shared zod building blocks for text typed by people.

// NUL and other C0 controls (except tab, newline, carriage return) never belong in text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// Bidirectional overrides, embeddings and isolates change how the text around them is shown (a name
// can be made to read as something else); zero-width spaces and byte-order marks make text look
// emptier than it is. None belongs in a title or a name. Joiners (emoji sequences, Persian) and the
// left-to-right / right-to-left marks stay.
const INVISIBLE_FORMATTING = /[\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const JOINERS_AND_MARKS = /[\u200C-\u200F]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL_CHARS, "").replace(INVISIBLE_FORMATTING, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

/** Something a reader can see: not only whitespace, joiners and direction marks. */
function hasVisibleText(s: string): boolean {
  return s.replace(JOINERS_AND_MARKS, "").trim().length > 0;
}

export function text(label: string, max: number, { required = false }: { required?: boolean } = {}) {
  return (
    z
      .string()
      .transform(cleanText)
      .transform((s) => s.trim())
      .refine((s) => !required || hasVisibleText(s), { message: `${label} is required.` })
      // A string no longer than the limit in UTF-16 units is within it; otherwise count, stopping past the limit.
      .refine((s) => s.length <= max || textLength(s, max) <= max, { message: `${label} must be at most ${max} characters.` })
  );
}

export const optionalUrl = (label: string) =>
  text(label, 300).refine((s) => s === "" || /^https?:\/\/[^\s]+$/i.test(s), {
    message: `${label} must be a web address starting with https://`,
  });

/** Longer than any address could be before cleaning: refused before any normalization runs. */
export const MAX_RAW_EMAIL_LENGTH = 320;

/** NFKC folds lookalikes such as fullwidth letters and ＠ before the check: one account per address. */
export const email = z
  .string()
  .max(MAX_RAW_EMAIL_LENGTH, "That email address is too long.")
  .transform((s) => cleanText(s).normalize("NFKC").trim().toLowerCase())
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, "That email address is too long."));

export const id = z.string().min(1).max(64);
