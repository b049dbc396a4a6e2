import { frabXml } from "@/lib/programme/exports/frab-xml";
import { exportOptions, exportResponse, loadProgramme } from "../_programme/load";

/** frab's schedule.xml of the latest release (c3voc XSD). */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const p = await loadProgramme((await params).slug);
  if (!p) return new Response("No published schedule.", { status: 404 });
  return exportResponse(frabXml(p.snapshot, exportOptions(p)), "application/xml; charset=utf-8");
}
