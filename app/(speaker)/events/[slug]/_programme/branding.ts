import { unstable_cache } from "next/cache";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { publicBranding, type PublicBranding } from "@/lib/programme/branding/branding";
import { brandingTag } from "@/lib/programme/cache-tag";

/** An event's logo and accent colour, cached per slug until an organizer changes them. */
export function loadBranding(slug: string): Promise<PublicBranding | null> {
  return unstable_cache(() => publicBranding(db, slug), ["branding", slug], { tags: [brandingTag(slug)] })();
}

/** The branding and this request's CSP nonce, which the accent colour's <style> needs (ADR 0011). */
export async function loadBrandingView(slug: string) {
  const [branding, h] = await Promise.all([loadBranding(slug), headers()]);
  return { branding, nonce: h.get("x-nonce") ?? undefined };
}

export const logoPath = (slug: string, hash: string) => `/events/${slug}/logo/${hash}`;
