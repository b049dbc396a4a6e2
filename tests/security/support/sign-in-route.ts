// Calls next-auth's route the way a browser does, through the app's route
// module (app/api/auth/[...nextauth]/route.ts, guards included).
import { NextRequest } from "next/server";
import type { Db } from "@/lib/db/client";

export const BASE = "http://localhost:3000";

async function route() {
  return import("@/app/api/auth/[...nextauth]/route");
}

export async function authGet(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return (await route()).GET(new NextRequest(`${BASE}${path}`, { headers }));
}

export async function authPost(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Response> {
  // A stream body (chunked, no length) needs duplex: "half".
  const init = { method: "POST", headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) };
  return (await route()).POST(new NextRequest(`${BASE}${path}`, init as ConstructorParameters<typeof NextRequest>[1]));
}

/** A CSRF token and the cookie it belongs to, as GET /api/auth/csrf hands them out. */
export async function csrf(): Promise<{ csrfToken: string; cookie: string }> {
  const res = await authGet("/api/auth/csrf");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { csrfToken, cookie };
}

/** POST /api/auth/signin/email with a valid CSRF token: next-auth's raw way to ask for a link. */
export async function askForLinkByRoute(email: string, headers: Record<string, string> = {}, callbackUrl = `${BASE}/`) {
  const { csrfToken, cookie } = await csrf();
  const res = await authPost("/api/auth/signin/email", new URLSearchParams({ email, csrfToken, callbackUrl }), {
    "content-type": "application/x-www-form-urlencoded",
    cookie,
    ...headers,
  });
  return { status: res.status, location: res.headers.get("location") };
}

/** The link in the newest sign-in email to `to`. */
export async function emailedLink(db: Db, to: string): Promise<URL> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to, kind: "sign-in" }, orderBy: { createdAt: "desc" } });
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no link in ${JSON.stringify(mail.text)}`);
  return new URL(link);
}
