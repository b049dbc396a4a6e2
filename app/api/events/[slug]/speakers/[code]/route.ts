import { z } from "zod";
import { db } from "@/lib/db";
import { authenticateApi } from "@/lib/api/authenticate";
import { ApiError } from "@/lib/api/errors";
import { apiResponse } from "@/lib/api/respond";
import { getSpeaker } from "@/lib/api/speakers";

type Params = { params: Promise<{ slug: string; code: string }> };
const codeParam = z.string().min(1).max(40);

/** GET /api/events/{slug}/speakers/{code}. */
export async function GET(request: Request, { params }: Params) {
  return apiResponse(async () => {
    const { slug, code } = await params;
    const ctx = await authenticateApi(db, { authorization: request.headers.get("authorization"), slug, scope: "speakers" });
    const parsed = codeParam.safeParse(code);
    if (!parsed.success) throw new ApiError("not_found", "Nothing with this code.");
    return getSpeaker(db, ctx, parsed.data);
  });
}
