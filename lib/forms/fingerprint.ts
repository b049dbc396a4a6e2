import { createHash } from "node:crypto";
import { conflict } from "@/lib/errors";

/**
 * A short digest of what a confirmation preview showed (one string per thing
 * it would touch, with the state it was read in). The preview posts it back;
 * the action recomputes it from what it would do now and refuses on a
 * difference, so it never does something other than what was shown.
 * Order does not matter.
 */
export function fingerprintOf(parts: readonly string[]): string {
  return createHash("sha256")
    .update([...parts].sort().join("\n"))
    .digest("base64url")
    .slice(0, 22);
}

/** Refuses (a `conflict`, nothing done) when `parts` no longer match the previewed fingerprint. */
export function assertAsPreviewed(previewed: string, parts: readonly string[], message: string): void {
  if (fingerprintOf(parts) !== previewed) throw conflict(message);
}
