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
