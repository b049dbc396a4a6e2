import { scheduleJson } from "@/lib/programme/exports/schedule-json";
import { exportOptions, exportResponse, loadProgramme } from "../_programme/load";

/** The c3voc schedule JSON of the latest release. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const p = await loadProgramme((await params).slug);
  if (!p) return new Response("No published schedule.", { status: 404 });
  return exportResponse(JSON.stringify(scheduleJson(p.snapshot, exportOptions(p)), null, 2), "application/json; charset=utf-8");
}
