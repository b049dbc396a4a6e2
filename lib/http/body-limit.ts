import { AUTH_BODY_LIMIT, BODY_LIMIT } from "./body-limits.js";

/** The largest body a request to this path may carry. */
export function bodyLimitFor(pathname: string): number {
  // Compare the path as the router may see it: decoded (%61pi is api) and in any case.
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape routes nowhere; the raw path is as good as any.
  }
  path = path.toLowerCase();
  return path === "/api/auth" || path.startsWith("/api/auth/") ? AUTH_BODY_LIMIT : BODY_LIMIT;
}

/**
 * Whether a request's declared Content-Length is over its path's limit. A body
 * sent without a length (chunked) is bounded where it is read: server actions
 * by next.config.js's bodySizeLimit, the auth route by its own reader.
 */
export function declaredBodyTooLarge(pathname: string, contentLength: string | null): boolean {
  if (contentLength === null) return false;
  const length = Number(contentLength.trim());
  // Node's HTTP parser refuses malformed lengths before this runs; refuse anything odd anyway.
  if (!Number.isSafeInteger(length) || length < 0) return true;
  return length > bodyLimitFor(pathname);
}
