const BASE = "http://same-site.invalid";

/**
 * The same-site path to return to after signing in, or "/". Checking for a
 * leading "/" is not enough: browsers read "/\evil.example" and
 * "/<tab>/evil.example" as "//evil.example", another host. So the path is
 * resolved as a URL parser would, kept only if it stays on this origin, and
 * returned in that parsed form (leading slashes collapsed, so it can never
 * become protocol-relative).
 */
export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`;
}
