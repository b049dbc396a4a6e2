// People signing in during the rush, by email link, as the sign-in page does:
// the form's action (a verification token, rate-limit counters, the email in
// the outbox, delivered over SMTP at once), then the link from the email the
// SMTP sink received, which opens the confirmation page, and its "Sign in as"
// button (a server action), which opens a session. Each session the server
// answered with must be in the database at the end (tests/load/mail-and-sessions.ts).
import { sessionCookieName } from "@/lib/sign-in/demo-session";
import { actionRequest, findActionId } from "@/scripts/lib/server-action";
import { pause, write, type Run } from "./actors";

let confirmActionId: string | null = null;

const ANONYMOUS = { userId: "", cookie: "" };

export async function signer(run: Run, index: number) {
  const client = `signer-${index}`;
  for (let seq = 1; run.going(); seq++) {
    await pause(run);
    const email = `signin-${index}-${seq}@load.example.org`;
    const since = Date.now();
    const out = await write(
      run,
      client,
      ANONYMOUS,
      { action: "signIn", path: "/signin", fields: { email, callbackUrl: "/speaker" } },
      { kind: "signin", target: email, value: email },
    );
    if (out.kind !== "ack") continue;
    // Delivered within the request; a kill meanwhile leaves it queued, and then it may come much later.
    const mail = await run.mail.waitFor(email, since, 15_000);
    const link = mail && /https?:\/\/\S+\/signin\/confirm\?\S+/.exec(mail.text)?.[0];
    if (link) await openSession(run, client, email, link);
  }
}

async function openSession(run: Run, client: string, email: string, link: string) {
  const base = await run.server();
  const sentAt = Date.now();
  const cookie = `${sessionCookieName(base)}=`;
  let outcome: "ack" | "refused" | "unknown" = "unknown";
  let detail: string;
  let token = "";
  try {
    // Opening the link reads nothing and spends nothing; the button's POST does.
    const query = new URL(link).searchParams;
    confirmActionId ??= await findActionId(base, link.slice(new URL(link).origin.length), { typed: [], hidden: ["email", "token"] });
    const fields = { email: query.get("email") ?? "", token: query.get("token") ?? "", callbackUrl: query.get("callbackUrl") ?? "/" };
    const req = await actionRequest("/signin/confirm", confirmActionId, fields, "", base, [], { withState: false });
    const res = await fetch(base + req.path, {
      method: "POST",
      headers: req.headers,
      body: new Uint8Array(req.body),
      redirect: "manual",
      signal: AbortSignal.timeout(run.timeoutMs),
    });
    await res.arrayBuffer();
    token =
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith(cookie))
        ?.slice(cookie.length)
        .split(";")[0] ?? "";
    outcome = token ? "ack" : res.status >= 500 ? "unknown" : "refused";
    detail = `HTTP ${res.status} ${res.headers.get("x-action-redirect") ?? ""}`;
  } catch (e) {
    detail = (e as Error).name;
  }
  run.ledger.add({
    client,
    kind: "session",
    target: email,
    value: token,
    sentAt,
    doneAt: Date.now(),
    outcome,
    detail,
    serverError: outcome === "unknown" && /HTTP 5/.test(detail),
  });
}
