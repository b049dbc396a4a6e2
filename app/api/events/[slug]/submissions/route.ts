import { db } from "@/lib/db";
import { authenticateApi } from "@/lib/api/authenticate";
import { submissionsQuery } from "@/lib/api/query";
import { apiResponse, paged, parseQuery } from "@/lib/api/respond";
import { listSubmissions } from "@/lib/api/submissions";

type Params = { params: Promise<{ slug: string }> };

/** GET /api/events/{slug}/submissions: one page, pretalx's shape (lib/api). */
export async function GET(request: Request, { params }: Params) {
  return apiResponse(async () => {
    const { slug } = await params;
    const ctx = await authenticateApi(db, { authorization: request.headers.get("authorization"), slug, scope: "proposals" });
    const q = parseQuery(submissionsQuery, request.url);
    return paged(request.url, q, await listSubmissions(db, ctx, q));
  });
}
