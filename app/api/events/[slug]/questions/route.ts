import { db } from "@/lib/db";
import { authenticateApi } from "@/lib/api/authenticate";
import { questionsQuery } from "@/lib/api/query";
import { apiResponse, paged, parseQuery } from "@/lib/api/respond";
import { listQuestions } from "@/lib/api/questions";

type Params = { params: Promise<{ slug: string }> };

/** GET /api/events/{slug}/questions: empty until custom questions exist (lib/api/questions.ts). */
export async function GET(request: Request, { params }: Params) {
  return apiResponse(async () => {
    const { slug } = await params;
    const ctx = await authenticateApi(db, { authorization: request.headers.get("authorization"), slug, scope: "proposals" });
    const q = parseQuery(questionsQuery, request.url);
    return paged(request.url, q, await listQuestions(ctx, q));
  });
}
