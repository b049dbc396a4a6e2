// The authorization matrix: every exported server action, called directly
// (not through the UI) as each kind of person, with a realistic form. The
// rightful actor succeeds; everyone else is refused (a form error, the 404
// page or a redirect to sign in), the database is exactly as before, and the
// refusal names nothing the caller may not see. An organizer who speaks on
// the world's proposal is refused whatever is about it; bulk actions skip it.
import "./support/mock-next";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isDomainError } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { snapshot } from "@/tests/integration/helpers";
import { REPO_ROOT } from "@/tests/support/paths";
import { ROWS, type AnyAction, type Ctx, type Form, type Row } from "./action-matrix-rows";
import { fullSnapshot, MODEL_PROPERTIES, sqliteFileSnapshot } from "@/tests/support/snapshot";
import { getTestDbUrl, isPostgresRun } from "@/tests/support/test-db";
import { sqliteFilePath } from "@/lib/db/client";
import { resetRequest, setActor, setRequestHeaders } from "./support/next-mocks";
import { ACTORS, actorUser, secretsFor, type ActorKind, type World } from "./support/world";
import { useWorldDb } from "./support/world-db";
import { SESSION_COOKIE } from "@/scripts/lib/session-cookie";

const { getDb, world } = useWorldDb();

const APP = path.join(REPO_ROOT, "app");

/** Every app/**\/*actions.ts, relative to app/. */
function actionFiles(): string[] {
  return (readdirSync(APP, { recursive: true }) as string[])
    .filter((f) => /actions\.ts$/.test(f))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

async function exportsOf(file: string): Promise<Record<string, AnyAction>> {
  const mod = (await import(/* @vite-ignore */ path.join(APP, file))) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(mod).filter((e): e is [string, AnyAction] => typeof e[1] === "function"));
}

type Outcome =
  | { kind: "returned"; value: unknown }
  | { kind: "redirect"; url: string }
  | { kind: "notFound" }
  | { kind: "domainError"; message: string }
  | { kind: "crash"; error: unknown };

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: "returned", value: await call() };
  } catch (e) {
    const digest = (e as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", url: digest.split(";")[2] };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "notFound" };
    if (isDomainError(e)) return { kind: "domainError", message: e.message };
    return { kind: "crash", error: e };
  }
}

const formError = (o: Outcome) => o.kind === "returned" && typeof (o.value as { formError?: unknown } | undefined)?.formError === "string";

function isAllowed(o: Outcome): boolean {
  if (o.kind === "redirect") return !o.url.startsWith("/signin");
  return o.kind === "returned" && !formError(o);
}

function isRefusal(o: Outcome): boolean {
  if (o.kind === "redirect") return o.url.startsWith("/signin");
  return o.kind === "notFound" || o.kind === "domainError" || formError(o);
}

const describeOutcome = (o: Outcome) => (o.kind === "crash" ? `crash: ${String((o.error as Error)?.stack ?? o.error)}` : JSON.stringify(o));

function formData(form: Form): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) fd.append(k, value);
  return fd;
}

const rowName = (r: Row) => `${r.action}${r.scenario ? ` (${r.scenario})` : ""}`;

/** An actor with a session row and its cookie on the request, as a browser would send it. */
async function signInAs(user: User | null) {
  setActor(user);
  if (!user) return setRequestHeaders({ "x-forwarded-proto": "http" });
  const token = `matrix-${user.id}`;
  await getDb().session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  setRequestHeaders({ "x-forwarded-proto": "http", cookie: `${SESSION_COOKIE}=${token}` });
}

beforeEach(() => resetRequest());
afterEach(() => vi.unstubAllEnvs());

describe("the matrix covers every server action", () => {
  it("has a row for every exported function of every actions file, and no row for a function that does not exist", async () => {
    const exported: string[] = [];
    for (const file of actionFiles()) for (const name of Object.keys(await exportsOf(file))) exported.push(`${file}#${name}`);
    expect(exported.length).toBeGreaterThanOrEqual(35);
    const inMatrix = new Set(ROWS.map((r) => r.action));
    expect(
      exported.filter((a) => !inMatrix.has(a)),
      "actions with no row in action-matrix-rows.ts",
    ).toEqual([]);
    expect(
      [...inMatrix].filter((a) => !exported.includes(a)),
      "rows naming no exported action",
    ).toEqual([]);
  });

  it("compares snapshots of every model, and the integration helpers' snapshot covers them all too", async () => {
    expect(Object.keys(await fullSnapshot(getDb())).sort()).toEqual([...MODEL_PROPERTIES].sort());
    const helperTables = Object.keys(await snapshot(getDb())).length;
    expect(helperTables, "tests/integration/helpers.ts snapshot(): one entry per model").toBe(MODEL_PROPERTIES.length);
  });
});

/** Every row of the database; on SQLite read from the file directly, without Prisma (the matrix: 41 s → 24 s). */
async function everyRow(db: Db): Promise<Record<string, unknown[]>> {
  return isPostgresRun() ? fullSnapshot(db) : sqliteFileSnapshot(sqliteFilePath(getTestDbUrl()));
}

/** Ids of the world's event and everything in it: a cross-event call must not touch a row that holds one. */
function victimIds(w: World, ctx: Ctx): string[] {
  const e = w.event;
  return [
    e.id,
    w.proposal.id,
    w.otherProposal.id,
    w.reviewerMemberId,
    w.conflictId,
    ...e.sessionTypes.map((s) => s.id),
    ...e.tracks.map((t) => t.id),
    ...e.criteria.map((c) => c.id),
    ...Object.values(ctx),
  ];
}

/** Rows (as JSON) present in one snapshot and not the other. */
function changedRows(before: Record<string, unknown[]>, after: Record<string, unknown[]>): string[] {
  return Object.keys(after).flatMap((table) => {
    const a = new Set(before[table].map((r) => JSON.stringify(r)));
    const b = new Set(after[table].map((r) => JSON.stringify(r)));
    return [...[...a].filter((r) => !b.has(r)), ...[...b].filter((r) => !a.has(r))].map((r) => `${table} ${r}`);
  });
}

/**
 * Organizer actions get the event id from the page (a bound argument), which
 * the client sends back and can change: an organizer of another event binds
 * their own event and posts this event's ids in the form.
 */
const CROSS_EVENT = "foreignOrganizer with their own event id bound" as const;

describe.each(ROWS.map((r) => [rowName(r), r] as const))("%s", (_name, row) => {
  const kinds: (ActorKind | "rightful" | typeof CROSS_EVENT)[] = [
    ...ACTORS,
    ...(row.rightful ? (["rightful"] as const) : []),
    ...(row.action.startsWith("(organize)/organize/[slug]/") ? [CROSS_EVENT] : []),
  ];

  it.each(kinds)("as %s", async (kind) => {
    const db = getDb();
    for (const [k, v] of Object.entries(row.env ?? {})) vi.stubEnv(k, v);
    const w = world();
    const ctx = (await row.setup?.(db, w)) ?? {};
    const user = kind === "rightful" ? await row.rightful!(db, w, ctx) : actorUser(w, kind === CROSS_EVENT ? "foreignOrganizer" : kind);
    await signInAs(user);
    const [file, name] = row.action.split("#");
    const fn = (await exportsOf(file))[name];
    const bound = kind === CROSS_EVENT ? { ...w, event: { ...w.event, id: w.foreign.id, slug: w.foreign.slug } } : w;

    const before = await everyRow(db);
    const outcome = await outcomeOf(() => row.call(fn, bound, ctx, formData(row.form(w, ctx))));
    const after = await everyRow(db);
    if (process.env.MATRIX_LOG) console.log(`MATRIX ${rowName(row)} | ${kind} | ${JSON.stringify(outcome).slice(0, 160)}`);

    if (kind === CROSS_EVENT) {
      // Refused, or it acted on their own event only.
      expect(isRefusal(outcome) || isAllowed(outcome), `no crash, got ${describeOutcome(outcome)}`).toBe(true);
      const ids = victimIds(w, ctx);
      const touched = changedRows(before, after).filter((r) => ids.some((id) => r.includes(id)));
      expect(touched, `rows of the other event changed; outcome ${describeOutcome(outcome)}`).toEqual([]);
      const leaked = secretsFor(w, "foreignOrganizer", user).filter((s) => JSON.stringify(outcome).toLowerCase().includes(s.toLowerCase()));
      expect(leaked, `the answer mentions the other event's people or proposals: ${JSON.stringify(outcome)}`).toEqual([]);
      return;
    }

    if (kind === "speakingOrganizer" && row.skipsOwnProposal) {
      // A bulk action: it may act on the rest of the event, never on the proposal they speak on.
      expect(isRefusal(outcome) || isAllowed(outcome), `no crash, got ${describeOutcome(outcome)}`).toBe(true);
      if (isRefusal(outcome)) expect(after, "a refused call changes nothing").toEqual(before);
      const touched = changedRows(before, after).filter((r) => r.includes(w.proposal.id));
      expect(touched, `rows of the proposal they speak on changed; outcome ${describeOutcome(outcome)}`).toEqual([]);
      const leaked = secretsFor(w, kind, user).filter((s) => JSON.stringify(outcome).toLowerCase().includes(s.toLowerCase()));
      expect(leaked, `the answer mentions the review of their own proposal: ${JSON.stringify(outcome)}`).toEqual([]);
      return;
    }

    if (kind === "rightful" || row.allowed.includes(kind)) {
      expect(isAllowed(outcome), `allowed, got ${describeOutcome(outcome)}`).toBe(true);
      const rightful = kind === "rightful" || (!row.rightful && kind === row.allowed[row.allowed.length - 1]);
      if (rightful && row.writes !== false) expect(after, "the rightful call changed something").not.toEqual(before);
      return;
    }
    expect(isRefusal(outcome), `refused, got ${describeOutcome(outcome)}`).toBe(true);
    expect(after, "a refused call changes nothing").toEqual(before);
    const told = JSON.stringify(outcome).toLowerCase();
    const leaked = secretsFor(w, kind, user).filter((s) => told.includes(s.toLowerCase()));
    expect(leaked, `the refusal mentions what ${kind} may not see: ${JSON.stringify(outcome)}`).toEqual([]);
  });
});
