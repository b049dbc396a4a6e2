import { currentUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { exportOwnData } from "@/lib/own-data/export";

/** Downloads everything the app holds about the signed-in person, as JSON. */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "unauthenticated", message: "Sign in to download your data." }, { status: 401 });
  const data = await exportOwnData(db, user.actor);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="my-cfp-data-${data.exportedAt.slice(0, 10)}.json"`,
      "cache-control": "no-store",
    },
  });
}
