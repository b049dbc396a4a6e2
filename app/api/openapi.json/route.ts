import { openApiDocument } from "@/lib/api/openapi";
import { appUrl } from "@/lib/config";

/** GET /api/openapi.json: the read API's OpenAPI 3.1 document (public). */
export function GET() {
  return Response.json(openApiDocument(appUrl()), { headers: { "Cache-Control": "public, max-age=300" } });
}
