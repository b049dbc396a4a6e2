// One HTTP call of a server action and what the server said about it:
// "ack" (it committed: a redirect or {ok:true}), "refused" (a form error:
// nothing may have changed), or "unknown" (no answer: the write may or may
// not have happened, e.g. the server was killed mid-request).
import type { ActionRequest } from "@/scripts/lib/server-action";

export type Outcome =
  | { kind: "ack"; redirect: string | null; message: string | null }
  | { kind: "refused"; message: string }
  | { kind: "unknown"; reason: string; serverError: boolean };

type ActionResult = { ok?: boolean; message?: string; formError?: string };

export async function callAction(baseUrl: string, req: ActionRequest, timeoutMs: number): Promise<Outcome> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(baseUrl + req.path, {
      method: "POST",
      headers: req.headers,
      body: new Uint8Array(req.body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { kind: "unknown", reason: err.cause?.code ?? err.name, serverError: false };
  }
  if (res.status !== 200) return { kind: "unknown", reason: `HTTP ${res.status}`, serverError: res.status >= 500 };
  // A redirect after the write: "/speaker/proposals/<id>?saved=1;push".
  const redirect = res.headers.get("x-action-redirect");
  if (redirect) return { kind: "ack", redirect: redirect.split(";")[0], message: null };
  const row = text.split("\n").find((l) => l.startsWith("1:"));
  let result: ActionResult | null;
  try {
    result = row ? (JSON.parse(row.slice(2)) as ActionResult) : null;
  } catch {
    result = null;
  }
  if (result?.ok) return { kind: "ack", redirect: null, message: result.message ?? null };
  if (result?.formError) return { kind: "refused", message: result.formError };
  return { kind: "unknown", reason: `unreadable answer: ${text.slice(0, 200)}`, serverError: true };
}
