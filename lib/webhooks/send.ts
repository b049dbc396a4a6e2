import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "./address-policy";

export type PostResult = { status: number } | { error: string };
/** Posts one signed body; tests may replace it, the app uses postJson. */
export type WebhookPoster = (url: string, headers: Record<string, string>, body: string) => Promise<PostResult>;

const TIMEOUT_MS = 10_000;

/**
 * A lookup that refuses private addresses: the socket connects to exactly
 * the address checked here, so DNS cannot answer a public address to the
 * check and a private one to the connection.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !allowPrivate && isPrivateAddress(a.address));
      if (refused) return callback(new Error(`refused: ${hostname} resolves to a private address (${refused.address})`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** The app's poster: http(s) POST, no redirects followed, 10 s timeout, body of the answer ignored. */
export function postJson(options: { allowPrivate: boolean; timeoutMs?: number }): WebhookPoster {
  return (url, headers, body) =>
    new Promise((resolve) => {
      const target = new URL(url);
      // A literal address is never looked up: check it here.
      const literal = target.hostname.replace(/^\[|\]$/g, "");
      if (isIP(literal) && !options.allowPrivate && isPrivateAddress(literal)) {
        return resolve({ error: `refused: ${literal} is a private address` });
      }
      const client = target.protocol === "https:" ? https : http;
      const req = client.request(
        target,
        {
          method: "POST",
          headers: {
            ...headers,
            "content-type": "application/json",
            "user-agent": "cfp-webhooks/1",
            "content-length": Buffer.byteLength(body),
          },
          lookup: guardedLookup(options.allowPrivate),
          timeout: options.timeoutMs ?? TIMEOUT_MS,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
          res.on("error", (e) => resolve({ error: e.message }));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", (e) => resolve({ error: e.message }));
      req.end(body);
    });
}
