import { NextResponse, type NextRequest } from "next/server";
import { isGitHubEnabled } from "@/lib/config";
import { declaredBodyTooLarge } from "@/lib/http/body-limit";
import {
  contentSecurityPolicy,
  newNonce,
  PERMISSIONS_POLICY,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";

// Runs before every route, page and server action (ADR 0011): refuses a body
// declared larger than its path's limit, and sets the per-request headers, a
// nonce-based Content-Security-Policy (Next reads the nonce from the request's
// copy of the header and puts it on its own scripts) and, over https, HSTS.
export function proxy(request: NextRequest) {
  const env = { AUTH_URL: process.env.AUTH_URL, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST, TRUST_PROXY: process.env.TRUST_PROXY };
  const https = servedOverHttps(env, request.headers.get("x-forwarded-proto"));
  const response = declaredBodyTooLarge(request.nextUrl.pathname, request.headers.get("content-length"))
    ? new NextResponse("Request body too large.\n", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } })
    : withNonce(request, https);
  response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function withNonce(request: NextRequest, https: boolean): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https,
    formTargets: isGitHubEnabled() ? ["https://github.com"] : [],
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files carry no body and run no script of ours.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
