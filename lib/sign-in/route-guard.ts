import { NextRequest } from "next/server";

/** Every legitimate body next-auth receives (a sign-in or sign-out form) is far smaller. */
export const MAX_AUTH_BODY_BYTES = 8 * 1024;

type Handler = (req: NextRequest) => Promise<Response>;

const tooLarge = () => new Response("Request body too large.", { status: 413, headers: { "content-type": "text/plain" } });

/**
 * The request with its body read into memory, or a 413 as soon as it is
 * known to be over `max` bytes: from Content-Length before reading anything,
 * or while reading a body of unknown length (chunked), cancelling the rest.
 */
export async function boundedRequest(req: NextRequest, max = MAX_AUTH_BODY_BYTES): Promise<NextRequest | Response> {
  const declared = req.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > max)) return tooLarge();
  if (!req.body) return req;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body });
}

/**
 * next-auth's email callback spends a sign-in token on a plain GET: a mail
 * scanner prefetching the link, or an attacker's page linking there to sign
 * a visitor into the attacker's account. Closed: a GET goes to our
 * confirmation page with the same query (links mailed before it existed keep
 * working), anything else is refused.
 */
function emailCallback(req: NextRequest): Response | null {
  if (!req.nextUrl.pathname.endsWith("/callback/email")) return null;
  if (req.method !== "GET" && req.method !== "HEAD") return new Response(null, { status: 405, headers: { allow: "GET" } });
  // A relative Location: the host comes from neither the request nor its headers.
  return new Response(null, { status: 303, headers: { location: `/signin/confirm${req.nextUrl.search}` } });
}

/** next-auth's route handlers with both guards in front. */
export function guardAuthRoute(handler: Handler): Handler {
  return async (req) => {
    const closed = emailCallback(req);
    if (closed) return closed;
    const bounded = await boundedRequest(req);
    return bounded instanceof Response ? bounded : handler(bounded);
  };
}
