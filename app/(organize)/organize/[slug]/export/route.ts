import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { isDomainError } from "@/lib/errors";
import { exportOptions } from "@/lib/exports/options";
import { startExport } from "@/lib/exports/start-export";
import { startExportForImport } from "@/lib/imports/export-file";
import type { ExportFilters } from "@/lib/exports/where";
import { listQuery } from "@/lib/proposals/organizer-list";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { requireSignedIn } from "@/lib/auth/actor";

const STATUS = { unauthenticated: 401, forbidden: 403, not_found: 404, invalid: 400 } as Record<string, number>;

/**
 * GET /organize/{slug}/export?kind=proposals|speakers|reviews&format=csv|json&from=list|ranking
 * (+ the list's or the ranking's filters, + personal=1, blind=1): a streamed download.
 * format=pretalx: the file another event imports (proposals, speakers, questions, answers; any kind).
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const options = exportOptions.parse(search);
  const filters: ExportFilters =
    options.from === "ranking" ? { from: "ranking", query: rankingQuery.parse(search) } : { from: "list", query: listQuery.parse(search) };
  const user = await currentUser();
  const event = await db.event.findUnique({ where: { slug }, select: { id: true } });
  if (!event) return new Response("This event was not found.", { status: 404 });
  try {
    const actor = requireSignedIn(user);
    const out =
      options.format === "pretalx"
        ? await startExportForImport(db, actor, event.id, options, filters)
        : await startExport(db, actor, event.id, options, filters);
    return new Response(out.stream, {
      headers: {
        "Content-Type": out.contentType,
        "Content-Disposition": `attachment; filename="${out.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e)) return new Response(e.message, { status: STATUS[e.code] ?? 400 });
    throw e;
  }
}
