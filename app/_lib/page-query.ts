import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs a domain query for a page: "not found" becomes the 404 page,
 * "forbidden" becomes a message the page shows instead of the content.
 */
export async function forPage<T>(query: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await query() };
  } catch (e) {
    if (isDomainError(e) && e.code === "forbidden") return { ok: false, message: e.message };
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

/** For pages with nothing to show on refusal: "not found" is the 404 page, anything else an error. */
export async function loadOrNotFound<T>(query: Promise<T>): Promise<T> {
  const outcome = await forPage(() => query);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}
