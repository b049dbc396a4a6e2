import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "./types";

const MAX_PROBLEMS = 5;

/** A refusal naming the first problems (path and message), never a stack trace. */
export function importInvalid(problems: string[]): DomainError {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const more = problems.length > MAX_PROBLEMS ? ` (and ${problems.length - MAX_PROBLEMS} more)` : "";
  return new DomainError("invalid", `This file cannot be imported: ${shown.join("; ")}${more}.`, {
    file: `${shown.join("; ")}${more}`,
  });
}

/**
 * The JSON of an uploaded file: a byte-order mark and leading comments are
 * tolerated (the pretalx example in the c3voc repository starts with one);
 * a syntax error is reported with its line and column.
 */
export function readJson(text: string): unknown {
  if (Buffer.byteLength(text, "utf8") > MAX_IMPORT_BYTES) {
    throw importInvalid([`the file is larger than ${Math.round(MAX_IMPORT_BYTES / 1024)} kB; split it and import the parts`]);
  }
  const body = text.replace(/^\uFEFF/, "").replace(/^\s*(\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*/, (m) => m.replace(/[^\n]/g, " "));
  try {
    return JSON.parse(body);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    if (!at) return fail("the file is not valid JSON");
    const before = body.slice(0, Number(at[1]));
    const line = before.split("\n").length;
    const column = Number(at[1]) - before.lastIndexOf("\n");
    return fail(`the file is not valid JSON (line ${line}, column ${column})`);
  }
}

function fail(message: string): never {
  throw importInvalid([message]);
}

/** Parses with a zod schema; failures name each problem's path in the file ("sessions[2].title"). */
export function parseShape<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw importInvalid(parsed.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`));
}

function pathOf(path: PropertyKey[]): string {
  if (path.length === 0) return "the file";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");
}

/** A level named in any tool's words, INTERMEDIATE when unknown. */
export function levelOf(raw: string | null | undefined): "BEGINNER" | "INTERMEDIATE" | "ADVANCED" {
  const v = (raw ?? "").toLowerCase();
  if (/beginner|introduct|novice|100/.test(v)) return "BEGINNER";
  if (/advanced|expert|300|400/.test(v)) return "ADVANCED";
  return "INTERMEDIATE";
}

/** pretalx and others give translated strings as { "en": "…" }. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const first = v.en ?? Object.values(v).find((x) => typeof x === "string");
    return typeof first === "string" ? first : "";
  }
  return "";
}
