// Shared helpers for the integration tests in this folder (not a test file).
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { saveProposalInput, type SaveProposalInput } from "@/lib/proposals/schemas";
import { eventInput, type EventInput } from "@/lib/events/schemas";
import type { SessionType, Track } from "@/lib/generated/prisma/client";
import { fullSnapshot } from "@/tests/support/snapshot";

export type ErrorCode = DomainError["code"];

/**
 * Awaits `promise`, which must reject with a DomainError of `code`; returns the error.
 * Given a function, calls it first: a refusal thrown before any promise exists
 * (signedInAs(null), ADR 0016) counts as the call's rejection.
 */
export async function expectDomainError(promise: Promise<unknown> | (() => Promise<unknown>), code: ErrorCode): Promise<DomainError> {
  const pending = typeof promise === "function" ? Promise.resolve().then(promise) : promise;
  const error = await pending.then(
    (value) => {
      throw new Error(`expected a DomainError "${code}", but the call succeeded with ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) {
    throw new Error(`expected a DomainError "${code}", got ${String(error)}`, { cause: error });
  }
  expect(error.code).toBe(code);
  return error;
}

/** Every row of every table (tests/support/snapshot.ts): compare two to prove nothing changed. */
export const snapshot = fullSnapshot;

/**
 * Runs a call that must be refused with `code`, and checks that the database
 * is exactly as it was before the call.
 */
export async function expectDenied(db: Db, code: ErrorCode, call: () => Promise<unknown>): Promise<DomainError> {
  const before = await snapshot(db);
  const error = await expectDomainError(call, code);
  expect(await snapshot(db)).toEqual(before);
  return error;
}

type EventLike = { sessionTypes: SessionType[]; tracks?: Track[] };

/** A valid, parsed proposal input for `event` (first session type, first track). */
export function proposalInput(event: EventLike, overrides: Partial<Record<keyof SaveProposalInput, unknown>> = {}): SaveProposalInput {
  return saveProposalInput.parse({
    title: "Fearless Concurrency with Rayon and Crossbeam",
    abstract: "Data parallelism without data races: we parallelise a real log-processing pipeline step by step.",
    notes: "Needs a projector with HDMI.",
    level: "INTERMEDIATE",
    sessionTypeId: event.sessionTypes[0].id,
    trackId: event.tracks?.[0]?.id,
    intent: "draft",
    ...overrides,
  });
}

/** A valid, parsed event input (eventInput.parse), CFP in local time of the zone. */
export function eventInputOf(overrides: Record<string, unknown> = {}): EventInput {
  return eventInput.parse({
    name: "RustFest Porto 2027",
    slug: "rustfest-porto-2027",
    description: "A community conference about Rust.",
    timeZone: "Europe/Lisbon",
    cfpOpensAt: "2027-01-10T09:00",
    cfpClosesAt: "2027-03-01T18:00",
    sessionTypes: [
      { name: "Talk", durationMinutes: 30 },
      { name: "Workshop", durationMinutes: 120 },
    ],
    tracks: [{ name: "Main stage" }],
    ...overrides,
  });
}

/** Resolves once `n` callers are waiting: makes concurrent calls meet at the same point. */
export function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    arrived += 1;
    if (arrived >= n) release();
    await all;
  };
}

type HookedModel =
  | "proposal"
  | "outboxEmail"
  | "sessionType"
  | "eventMember"
  | "speakerConflict"
  | "proposalConflict"
  | "reviewCriterion"
  | "rateLimitBucket";
type HookedOperation = "findUnique" | "findFirst" | "findMany" | "create" | "count" | "upsert";

/**
 * The same client (same connection), but after each `model.operation` query
 * returns, `hook` runs before the caller sees the result (a hook that throws
 * makes the query fail after it ran). Used to change the database between a
 * domain function's read and its write, to hold concurrent callers until
 * they have all read, or to fail a transaction after a write.
 */
export function afterQuery(db: Db, model: HookedModel, operation: HookedOperation, hook: () => Promise<void>): Db {
  const extension = {
    query: {
      [model]: {
        async [operation]({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }) {
          const result = await query(args);
          await hook();
          return result;
        },
      },
    },
  };
  return db.$extends(extension as never) as unknown as Db;
}

/** A hook that runs `fn` the first time only. */
export function once(fn: () => Promise<unknown>): () => Promise<void> {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    await fn();
  };
}

/**
 * A client on which the first `model.operation` is followed by `interloper`
 * (run on the plain client): a request that read, then lost a race. `after()`
 * is the database as the interloper left it.
 */
export function afterFirst(db: Db, model: HookedModel, operation: HookedOperation, interloper: () => Promise<unknown>) {
  let state: Awaited<ReturnType<typeof snapshot>> | undefined;
  const client = afterQuery(
    db,
    model,
    operation,
    once(async () => {
      await interloper();
      state = await snapshot(db);
    }),
  );
  const after = () => {
    if (!state) throw new Error("The interloper never ran: the call did not reach the hooked query.");
    return state;
  };
  return { client, after };
}

/**
 * expectDenied, plus: the error's message and field messages mention none of
 * the `hides` strings (titles, names, comments the caller must not learn).
 */
export async function expectRefused(db: Db, code: ErrorCode, call: () => Promise<unknown>, hides: readonly string[] = []) {
  const error = await expectDenied(db, code, call);
  const told = [error.message, ...Object.values(error.fields ?? {})].join("\n");
  for (const secret of hides.filter(Boolean)) expect(told).not.toContain(secret);
  return error;
}
