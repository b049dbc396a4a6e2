// The security headers of every page and route (ADR 0011). Framework-free:
// proxy.ts passes in what it knows about the request.
import { trustedProxyHops } from "@/lib/rate-limit/client-address";

export type PolicyInput = {
  /** Fresh for every request: only scripts and styles carrying it run. */
  nonce: string;
  /** `next dev` evaluates code to rebuild server error stacks; production never does. */
  dev: boolean;
  /** Served over https: ask browsers to upgrade any http subresource. */
  https: boolean;
  /** Origins a form may post to (and be redirected to) besides this site, such as an OAuth provider. */
  formTargets?: string[];
};

export function contentSecurityPolicy({ nonce, dev, https, formTargets = [] }: PolicyInput): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonce-carrying script run too (Next's chunks); nothing else does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="" attributes (about 70 in our components) cannot run script, and with img-src and
    // font-src at 'self' they cannot load anything either; <style> elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Features no page of the app uses: denied to it and to anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Two years, subdomains included: once a browser has seen it over https it never tries http again. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Whether the site is served over https: its public address (AUTH_URL) says so,
 * or the request came through a proxy we trust that says so in X-Forwarded-Proto.
 * Trusted: AUTH_TRUST_HOST (next-auth reads forwarded headers under the same
 * switch) or TRUST_PROXY (lib/rate-limit/client-address.ts).
 */
export function servedOverHttps(env: Record<string, string | undefined>, forwardedProto: string | null): boolean {
  if (env.AUTH_URL?.trim().toLowerCase().startsWith("https://")) return true;
  const trusted = env.AUTH_TRUST_HOST === "true" || env.AUTH_TRUST_HOST === "1" || trustedProxyHops(env) > 0;
  return trusted && forwardedProto?.split(",")[0].trim().toLowerCase() === "https";
}

/** 128 random bits, base64: what a CSP nonce should be. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
