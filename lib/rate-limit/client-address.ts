// Who is "one client" for per-client limits. Server actions never see the
// socket, and Next fills X-Forwarded-For with the socket address only when
// the request has none (base-server: `??=`), so without a proxy the header is
// whatever the client sent: spoofable. We therefore trust it only when
// TRUST_PROXY says how many proxies in front of the app append to it, and
// take the entry the outermost trusted proxy wrote (counted from the right):
// a client can prepend anything, but cannot change what the proxies append.

type HeaderSource = { get(name: string): string | null };

/** TRUST_PROXY: number of trusted proxies in front of the app (1 for one nginx); unset or 0 = none. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || !/^\d{1,2}$/.test(raw)) return 0;
  return Number(raw);
}

/**
 * The client's address as the trusted proxies saw it, or null when no proxy
 * is trusted (per-client limits are then off; per-address limits still hold).
 */
export function clientAddress(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string | null {
  const hops = trustedProxyHops(env);
  if (hops === 0) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the request did not come through them all; take the leftmost we have.
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry ? entry.toLowerCase().slice(0, 100) : null;
}
