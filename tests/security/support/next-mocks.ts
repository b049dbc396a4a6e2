// What the vi.mock factories of the security tests hand to the app's server
// actions: the actor under test as `currentUser`, the per-test database as
// `db`, and request headers/cookies. Server actions run as plain functions:
// revalidatePath and after() do nothing, redirect/notFound throw as in Next.
//
// The mocks themselves are declared once, in ./mock-next.ts, which each such
// test file imports first.
import { getTestDb } from "@/tests/support/test-db";
import { signedInAs } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/sign-in/session";
import type { Db } from "@/lib/db/client";

let actor: CurrentUser | null = null;
let requestHeaders = new Headers();
const jar = new Map<string, string>();

export function setActor(user: { id: string; name: string | null; email: string } | null): void {
  actor = user ? { id: user.id, name: user.name, email: user.email, actor: signedInAs(user.id) } : null;
}

export function setRequestHeaders(init: Record<string, string>): void {
  requestHeaders = new Headers({ host: "localhost:3000", origin: "http://localhost:3000", ...init });
}

export function resetRequest(): void {
  actor = null;
  setRequestHeaders({});
  jar.clear();
}

/** The per-test client, looked up on every property access (the app imports `db` once, tests change it). */
const dbProxy = new Proxy({} as Db, {
  get(_target, property) {
    const real = getTestDb() as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export function dbModule() {
  return { db: dbProxy };
}

export function sessionModule() {
  return {
    currentUser: async () => actor,
    requirePageUser: async () => {
      if (!actor) throw new Error("requirePageUser called without an actor");
      return actor;
    },
  };
}

export function headersModule() {
  const cookieStore = {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "object") jar.set(name.name, name.value);
      else jar.set(name, value ?? "");
    },
    delete: (name: string) => jar.delete(name),
  };
  return {
    headers: async () => requestHeaders,
    cookies: async () => cookieStore,
  };
}

export function cookieJar(): ReadonlyMap<string, string> {
  return jar;
}
