import { programmeCalendar } from "@/lib/programme/exports/ical";
import { exportOptions, exportResponse, loadProgramme } from "../_programme/load";

/** The whole programme as iCalendar. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = (await params).slug;
  const p = await loadProgramme(slug);
  if (!p) return new Response("No published schedule.", { status: 404 });
  return exportResponse(programmeCalendar(p.snapshot, p.snapshot.items, exportOptions(p)), "text/calendar; charset=utf-8", `${slug}.ics`);
}
