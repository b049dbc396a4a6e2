import { db } from "@/lib/db";
import { authenticateApi } from "@/lib/api/authenticate";
import { speakersQuery } from "@/lib/api/query";
import { apiResponse, paged, parseQuery } from "@/lib/api/respond";
import { listSpeakers } from "@/lib/api/speakers";

type Params = { params: Promise<{ slug: string }> };

/** GET /api/events/{slug}/speakers: one page, pretalx's shape (lib/api). */
export async function GET(request: Request, { params }: Params) {
  return apiResponse(async () => {
    const { slug } = await params;
    const ctx = await authenticateApi(db, { authorization: request.headers.get("authorization"), slug, scope: "speakers" });
    const q = parseQuery(speakersQuery, request.url);
    return paged(request.url, q, await listSpeakers(db, ctx, q));
  });
}
