import { isIP } from "node:net";

/**
 * Server-side request forgery guard: a webhook must not reach the app's own
 * machine or network (loopback, private, link-local, CGNAT, multicast,
 * unspecified, IPv6 unique-local and mapped IPv4 of those). Checked when the
 * URL is saved (literal addresses and "localhost") and again on the address
 * each delivery actually connects to (lib/webhooks/send.ts), so a name that
 * later resolves inward is refused too.
 */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return isPrivateV4(address);
  if (kind === 6) return isPrivateV6(address.toLowerCase());
  return true; // not an address at all: refuse
}

function isPrivateV4(a: string): boolean {
  const [x, y] = a.split(".").map(Number);
  return (
    x === 0 ||
    x === 10 ||
    x === 127 ||
    (x === 100 && y >= 64 && y <= 127) ||
    (x === 169 && y === 254) ||
    (x === 172 && y >= 16 && y <= 31) ||
    (x === 192 && y === 168) ||
    (x === 192 && y === 0) ||
    (x === 198 && (y === 18 || y === 19)) ||
    x >= 224
  );
}

function isPrivateV6(a: string): boolean {
  if (a === "::" || a === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return isPrivateV4(mapped[1]);
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(a) || a.startsWith("64:ff9b:") || a.startsWith("2001:db8:");
}

/**
 * Private networks are refused in production unless WEBHOOKS_ALLOW_PRIVATE=1
 * (an intranet deployment, or the e2e run's local receiver); allowed in
 * development and tests, which pass the option explicitly.
 */
export function allowPrivateNetworks(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.WEBHOOKS_ALLOW_PRIVATE === "1") return true;
  return env.NODE_ENV !== "production";
}

/** Why a URL may not be an endpoint, or null when it may (the address is checked again at delivery). */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL starting with https:// or http://.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http and https URLs can receive webhooks.";
  if (url.username || url.password) return "Put credentials in the receiver, not in the URL.";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
    return "This address is on a private network; webhooks go to public addresses only.";
  }
  if (isIP(host) && isPrivateAddress(host)) return "This address is on a private network; webhooks go to public addresses only.";
  return null;
}
