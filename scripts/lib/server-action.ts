// Posting a Next.js server action from outside the browser, the way the
// browser's router does (next/dist/.../server-action-reducer fetchServerAction):
// POST to the page's URL with `Next-Action: <id>`, `Accept: text/x-component`
// and a multipart body made by React's own encodeReply([prevState, formData]).
//
// - The id comes from .next/server/server-reference-manifest.json, found by
//   source file and export name (not by position in the HTML), and is checked
//   against the page: it must appear in the HTML the reviewer receives.
// - encodeReply and omitUnusedArgs are required from Next's compiled copies,
//   so the body matches the installed Next/React version byte for byte.
// - No Next-Router-State-Tree header: after revalidatePath the server renders
//   the page from the root either way (same response, checked by hand).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js");
const { extractInfoFromServerReferenceId, omitUnusedArgs } = require("next/dist/shared/lib/server-reference-info.js");

type ManifestEntry = { filename?: string; exportedName?: string };

export function findActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8"));
  const entries = Object.entries(manifest.node as Record<string, ManifestEntry>);
  const found = entries.filter(([, e]) => e.filename === filename && e.exportedName === exportedName);
  if (found.length !== 1) throw new Error(`Server action ${exportedName} in ${filename}: ${found.length} matches in the manifest`);
  return found[0][0];
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
