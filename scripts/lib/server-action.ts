// Posting a Next.js server action from outside the browser, the way the
// browser's router does (next/dist/.../server-action-reducer fetchServerAction):
// POST to the page's URL with `Next-Action: <id>`, `Accept: text/x-component`
// and a multipart body made by React's own encodeReply([prevState, formData]).
//
// - The id is read off the page the user receives, as a browser has it: React
//   renders every form whose action is a server action with hidden inputs that
//   carry the id (`$ACTION_ID_<id>`, or `{"id": …, "bound": …}` in
//   `$ACTION_<n>:0` when arguments are bound), for submitting without
//   JavaScript. The form is picked by the fields it has, never by position.
// - encodeReply and omitUnusedArgs are required from Next's compiled copies,
//   so the body matches the installed Next/React version byte for byte.
// - No Next-Router-State-Tree header: after revalidatePath the server renders
//   the page from the root either way (same response, checked by hand).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js");
const { extractInfoFromServerReferenceId, omitUnusedArgs } = require("next/dist/shared/lib/server-reference-info.js");

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

type ActionForm = { id: string; typed: Set<string>; hidden: Set<string> };

/** Each form of the page whose own action is a server action: its id, the fields a person fills in, and its hidden fields. */
export function actionForms(html: string): ActionForm[] {
  const forms: ActionForm[] = [];
  for (const [, body] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    // The form's own action: the hidden inputs React writes first inside it (a button's formAction comes later).
    const first = /^\s*<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/.exec(body);
    if (!first || !first[1].startsWith("$ACTION_")) continue;
    let id: string | undefined;
    if (first[1].startsWith("$ACTION_ID_")) id = first[1].slice("$ACTION_ID_".length);
    else if (first[1].startsWith("$ACTION_REF_")) {
      const prefix = first[1].slice("$ACTION_REF_".length);
      const ref = new RegExp(`name="\\$ACTION_${prefix.replace(/[^\w]/g, "\\$&")}:0" value="([^"]*)"`).exec(body);
      id = ref ? (JSON.parse(unescapeHtml(ref[1])) as { id: string }).id : undefined;
    }
    if (!id) continue;
    const form: ActionForm = { id, typed: new Set(), hidden: new Set() };
    for (const [tag] of body.matchAll(/<(?:input|select|textarea)\b[^>]*>/g)) {
      const name = /\bname="([^"]+)"/.exec(tag)?.[1];
      if (!name || name.startsWith("$ACTION")) continue;
      (/\btype="hidden"/.test(tag) ? form.hidden : form.typed).add(name);
    }
    forms.push(form);
  }
  return forms;
}

/** What picks a form: the fields a person fills in (as they would find it), and hidden ones when that is not enough. */
export type FormFields = { typed: readonly string[]; hidden?: readonly string[] };

/** The id of the one server action whose form on this page has these fields; throws when none or several do. */
export function actionIdOnPage(html: string, { typed, hidden = [] }: FormFields): string {
  const matching = actionForms(html).filter((f) => typed.every((n) => f.typed.has(n)) && hidden.every((n) => f.hidden.has(n)));
  const ids = new Set(matching.map((f) => f.id));
  if (ids.size !== 1)
    throw new Error(`${ids.size} server actions on the page have a form with the fields ${[...typed, ...hidden].join(", ")}`);
  return [...ids][0];
}

/** GETs a page as the given user and finds the action of its form with these fields. */
export async function findActionId(baseUrl: string, path: string, fields: FormFields, cookie = ""): Promise<string> {
  const res = await fetch(baseUrl + path, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(60_000) });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return actionIdOnPage(html, fields);
}

export type ActionRequest = { path: string; headers: Record<string, string>; body: Buffer };

/**
 * One ready-to-send request: the action called with ({}, formData), as useActionState does on first
 * submit, or with (formData) alone for a plain `<form action={…}>` (`withState: false`).
 */
export async function actionRequest(
  path: string,
  actionId: string,
  fields: Record<string, string | string[]>,
  cookie: string,
  origin: string,
  bound: unknown[] = [],
  { withState = true }: { withState?: boolean } = {},
): Promise<ActionRequest> {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) formData.append(k, one);
  // Arguments the page bound (`action.bind(null, eventId)`) travel first, as the client sends them.
  const args = omitUnusedArgs([...bound, ...(withState ? [{}] : []), formData], extractInfoFromServerReferenceId(actionId));
  const encoded = new Request("http://localhost/", { method: "POST", body: await encodeReply(args) });
  return {
    path,
    body: Buffer.from(await encoded.arrayBuffer()),
    headers: {
      "content-type": encoded.headers.get("content-type")!,
      "next-action": actionId,
      accept: "text/x-component",
      origin, // same origin, as the browser sends; without it Next logs a CSRF warning
      cookie,
    },
  };
}

/** The action's own return value is row 1 of the flight response. */
export async function sendAction(baseUrl: string, req: ActionRequest): Promise<{ status: number; result: string; bytes: number }> {
  const res = await fetch(baseUrl + req.path, { method: "POST", headers: req.headers, body: new Uint8Array(req.body) });
  const text = await res.text();
  const row = text.split("\n").find((l) => l.startsWith("1:")) ?? "";
  return { status: res.status, result: row.slice(2), bytes: text.length };
}
