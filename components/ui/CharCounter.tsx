"use client";
import { textLength } from "@/lib/text/length";

/** Counts like the server does (lib/text/length.ts). */
export function CharCounter({ value, max, id }: { value: string; max: number; id?: string }) {
  const n = textLength(value);
  return (
    <p id={id} className={`counter${n > max ? " counter-over" : ""}`} aria-live={n > max ? "polite" : "off"}>
      {n} / {max}
      {n > max && ` — ${n - max} over the limit`}
    </p>
  );
}
