import { db } from "@/lib/db";
import { authenticateApi } from "@/lib/api/authenticate";
import { reviewsQuery } from "@/lib/api/query";
import { apiResponse, paged, parseQuery } from "@/lib/api/respond";
import { listReviews } from "@/lib/api/reviews";

type Params = { params: Promise<{ slug: string }> };

/** GET /api/events/{slug}/reviews: one page, pretalx's shape (lib/api). */
export async function GET(request: Request, { params }: Params) {
  return apiResponse(async () => {
    const { slug } = await params;
    const ctx = await authenticateApi(db, { authorization: request.headers.get("authorization"), slug, scope: "reviews" });
    const q = parseQuery(reviewsQuery, request.url);
    return paged(request.url, q, await listReviews(db, ctx, q));
  });
}
