import { z } from "zod";
import { db } from "@/lib/db";
import { authenticateApi } from "@/lib/api/authenticate";
import { ApiError } from "@/lib/api/errors";
import { apiResponse } from "@/lib/api/respond";
import { getReview } from "@/lib/api/reviews";

type Params = { params: Promise<{ slug: string; id: string }> };
const idParam = z.string().min(1).max(40);

/** GET /api/events/{slug}/reviews/{id}. */
export async function GET(request: Request, { params }: Params) {
  return apiResponse(async () => {
    const { slug, id } = await params;
    const ctx = await authenticateApi(db, { authorization: request.headers.get("authorization"), slug, scope: "reviews" });
    const parsed = idParam.safeParse(id);
    if (!parsed.success) throw new ApiError("not_found", "Nothing with this id.");
    return getReview(db, ctx, parsed.data);
  });
}
