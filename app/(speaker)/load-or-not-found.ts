import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";

/** Awaits a domain query; its "not found" becomes the 404 page. */
export async function loadOrNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (e) {
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  }
}
