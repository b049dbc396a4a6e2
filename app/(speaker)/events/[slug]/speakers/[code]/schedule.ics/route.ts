import { normalizeCode } from "@/lib/identifiers/public-code";
import { speakerCalendar } from "@/lib/programme/exports/ical";
import { exportOptions, exportResponse, loadProgramme } from "../../../_programme/load";

/** One speaker's talks as iCalendar. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; code: string }> }) {
  const { slug, code } = await params;
  const p = await loadProgramme(slug);
  const ics = p && speakerCalendar(p.snapshot, normalizeCode(code), exportOptions(p));
  if (!ics) return new Response("Not found.", { status: 404 });
  return exportResponse(ics, "text/calendar; charset=utf-8", `${slug}-${code}.ics`);
}
