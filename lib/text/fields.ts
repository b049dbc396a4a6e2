import { z } from "zod";
import { textLength } from "./length";

// Shared zod building blocks for text typed by people.

// NUL and other C0 controls (except tab, newline, carriage return) never belong in text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL_CHARS, "").replace(/\r\n?/g, "\n").normalize("NFC");
}

export function text(label: string, max: number, { required = false }: { required?: boolean } = {}) {
  return z
    .string()
    .transform(cleanText)
    .transform((s) => s.trim())
    .refine((s) => !required || s.length > 0, { message: `${label} is required.` })
    .refine((s) => textLength(s) <= max, { message: `${label} must be at most ${max} characters.` });
}

export const optionalUrl = (label: string) =>
  text(label, 300).refine((s) => s === "" || /^https?:\/\/[^\s]+$/i.test(s), {
    message: `${label} must be a web address starting with https://`,
  });

/** NFKC folds lookalikes such as fullwidth letters and ＠ before the check: one account per address. */
export const email = z
  .string()
  .transform((s) => cleanText(s).normalize("NFKC").trim().toLowerCase())
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, "That email address is too long."));

export const id = z.string().min(1).max(64);
