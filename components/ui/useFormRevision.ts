import { useState } from "react";
import type { FormState } from "@/lib/forms/result";

/**
 * A number that changes each time a form action returns. Used as a `key` on
 * the fields so they remount with the returned values as their defaults:
 * React resets a form after its action, and <select> elements would otherwise
 * jump back to their first option (react#32362).
 */
export function useFormRevision(state: FormState): number {
  const [seen, setSeen] = useState({ state, revision: 0 });
  if (seen.state !== state) setSeen({ state, revision: seen.revision + 1 });
  return seen.revision;
}
