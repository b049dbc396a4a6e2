import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/config";
import { programmeTag } from "@/lib/programme/cache-tag";
import { publishedProgramme } from "@/lib/programme/public";
import type { ProgrammeSnapshot } from "@/lib/programme/snapshot";

export type PublicProgramme = { version: number; note: string; publishedAt: string; snapshot: ProgrammeSnapshot };

/**
 * The latest release of an event's schedule, cached per slug until the
 * organizers publish the next one (the publish action updates the tag).
 * Null while nothing is published: the working schedule is never public.
 */
export function loadProgramme(slug: string): Promise<PublicProgramme | null> {
  return unstable_cache(
    async () => {
      const r = await publishedProgramme(db, slug);
      return r && { version: r.version, note: r.note, publishedAt: r.publishedAt.toISOString(), snapshot: r.snapshot };
    },
    ["programme", slug],
    { tags: [programmeTag(slug)] },
  )();
}

export const exportOptions = (p: PublicProgramme) => ({ appUrl: appUrl(), version: p.version, publishedAt: new Date(p.publishedAt) });

/** Exports are public and cacheable by readers (apps poll them) for a minute. */
export function exportResponse(body: string, contentType: string, filename?: string) {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "cache-control": "public, max-age=60",
      ...(filename ? { "content-disposition": `inline; filename="${filename}"` } : {}),
    },
  });
}
