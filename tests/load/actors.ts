// The people in the load run, each a loop of requests on one client (a
// browser tab: one request at a time, a short pause between clicks):
// speakers writing and submitting around the deadline, reviewers scoring the
// same proposals from two tabs each, organizers deciding and publishing.
import { actionRequest, findActionId, type FormFields } from "@/scripts/lib/server-action";
import { RUST_TALKS } from "@/tests/factories";
import type { SmtpSink } from "@/tests/support/smtp-server";
import { callAction, type Outcome } from "./client";
import type { Attempt, Ledger, WriteKind } from "./ledger";
import type { Actor, LoadEvent } from "./seed";

export type Run = {
  ev: LoadEvent;
  ledger: Ledger;
  /** The server's address while it is up; a promise while it is down (killed, restarting). */
  server: () => Promise<string>;
  /** Whether clients keep going: the run ends once it has lasted its time and exercised every kind of write. */
  going: () => boolean;
  timeoutMs: number;
  random: () => number;
  /** The SMTP server the app delivers to: what it received, and a wait for one address's next message. */
  mail: SmtpSink;
};

/** Each action as the page shows it: the fields that pick its form (scripts/lib/server-action.ts finds the id there). */
const FORM_FIELDS = {
  create: { typed: ["title", "abstract"] },
  update: { typed: ["title", "abstract"], hidden: ["version"] },
  // Asked first (components/ui/Confirm.tsx): the form is on the page's confirmation view.
  withdraw: { typed: [], hidden: ["confirm"], view: "?confirm=withdraw" },
  review: { typed: ["comment"], hidden: ["proposalId"] },
  decide: { typed: ["operation"] },
  respond: { typed: [], hidden: ["answer"] },
  signIn: { typed: ["email"] },
} satisfies Record<string, FormFields & { view?: string }>;

type ActionName = keyof typeof FORM_FIELDS;
const ids = new Map<ActionName, string>();

/** The action's id, read off the page the actor is on the first time; null while the page shows no such form (e.g. no decision to answer yet). */
async function actionId(base: string, name: ActionName, path: string, cookie: string): Promise<string | null> {
  if (!ids.has(name)) {
    try {
      const form: FormFields & { view?: string } = FORM_FIELDS[name];
      ids.set(name, await findActionId(base, path + (form.view ?? ""), form, cookie));
    } catch {
      return null;
    }
  }
  return ids.get(name)!;
}

export const pause = (run: Run) => new Promise((r) => setTimeout(r, 20 + run.random() * 80));
const pick = <T>(run: Run, items: readonly T[]): T => items[Math.floor(run.random() * items.length)];

/** Sends one action and records it; returns the outcome. Waits while the server is down. */
export async function write(
  run: Run,
  client: string,
  actor: Actor,
  call: { action: ActionName; path: string; fields: Record<string, string | string[]>; bound?: unknown[] },
  record: Pick<Attempt, "kind" | "target" | "value" | "submit" | "scores">,
): Promise<Outcome> {
  const base = await run.server();
  const id = await actionId(base, call.action, call.path, actor.cookie);
  const sentAt = Date.now();
  const outcome: Outcome = id
    ? await callAction(base, await actionRequest(call.path, id, call.fields, actor.cookie, base, call.bound), run.timeoutMs)
    : { kind: "refused", message: "the page shows no such form" };
  const attempt: Attempt = {
    ...record,
    client,
    sentAt,
    doneAt: Date.now(),
    outcome: outcome.kind,
    detail:
      outcome.kind === "ack" ? (outcome.redirect ?? outcome.message ?? "") : outcome.kind === "refused" ? outcome.message : outcome.reason,
  };
  if (outcome.kind === "unknown") attempt.serverError = outcome.serverError;
  if (outcome.kind === "ack" && outcome.redirect) attempt.proposalId = /\/speaker\/proposals\/([^?/]+)/.exec(outcome.redirect)?.[1];
  if (outcome.kind === "ack" && record.kind === "publish") attempt.changed = Number(/^(\d+) /.exec(outcome.message ?? "")?.[1] ?? NaN);
  // A bulk decision that skipped the proposal wrote nothing: it is a refusal.
  if (outcome.kind === "ack" && record.kind === "decide" && /skipped/.test(outcome.message ?? "")) attempt.outcome = "refused";
  run.ledger.add(attempt);
  return outcome;
}

function proposalFields(run: Run, label: string, submit: boolean) {
  const talk = pick(run, RUST_TALKS);
  return {
    title: `${label} ${talk.title}`.slice(0, 150),
    abstract: `${talk.abstract} (${label})`,
    notes: "",
    level: talk.level,
    sessionTypeId: pick(run, run.ev.sessionTypeIds),
    trackId: pick(run, run.ev.trackIds),
    intent: submit ? "submit" : "draft",
  };
}

/** A speaker with one proposal at a time: creates it, edits it, submits it (often at the last minute), sometimes withdraws. */
export async function speaker(run: Run, index: number) {
  const actor = run.ev.speakers[index];
  const client = `speaker-${index}`;
  let current: { id: string; submitted: boolean } | null = { id: run.ev.drafts[index].id, submitted: false };
  for (let seq = 1; run.going(); seq++) {
    await pause(run);
    const label = `[S${index}.${seq}]`;
    const r = run.random();
    if (!current || (current.submitted && r < 0.2)) {
      const submit = r < 0.4;
      const fields = proposalFields(run, label, submit);
      const out = await write(
        run,
        client,
        actor,
        { action: "create", path: `/events/${run.ev.slug}/submit`, fields, bound: [run.ev.eventId] },
        { kind: "create", target: actor.userId, value: fields.title, submit },
      );
      const id = out.kind === "ack" ? /\/speaker\/proposals\/([^?/]+)/.exec(out.redirect ?? "")?.[1] : undefined;
      current = id ? { id, submitted: submit } : null;
    } else if (current.submitted && r > 0.93) {
      const out = await write(
        run,
        client,
        actor,
        { action: "withdraw", path: `/speaker/proposals/${current.id}`, fields: { confirm: "yes" }, bound: [current.id] },
        { kind: "withdraw", target: current.id, value: "WITHDRAWN" },
      );
      if (out.kind !== "refused") current = null;
    } else {
      const submit = !current.submitted && r < 0.5;
      const fields = proposalFields(run, label, submit);
      const out = await write(
        run,
        client,
        actor,
        { action: "update", path: `/speaker/proposals/${current.id}`, fields, bound: [current.id] },
        { kind: "edit", target: current.id, value: fields.title, submit },
      );
      if (out.kind === "ack" && /[?&]submitted=1/.test(out.redirect ?? "")) current.submitted = true;
    }
  }
}

/** One tab of a reviewer scoring the shared proposals (each reviewer has two tabs open on the same ones). */
export async function reviewer(run: Run, index: number, tab: number) {
  const actor = run.ev.reviewers[index];
  const client = `reviewer-${index}.${tab}`;
  for (let seq = 1; run.going(); seq++) {
    await pause(run);
    const proposalId = pick(run, run.ev.hotProposalIds);
    const scores: Record<string, number | null> = {};
    const fields: Record<string, string> = { proposalId, comment: `[R${index}.${tab}.${seq}] Clear outline, good fit for the audience.` };
    for (const c of run.ev.criteria) {
      const value = run.random() < 0.1 ? null : c.minScore + Math.floor(run.random() * (c.maxScore - c.minScore + 1));
      scores[c.id] = value;
      fields[`score.${c.id}`] = value === null ? "" : String(value);
    }
    await write(
      run,
      client,
      actor,
      { action: "review", path: `/review/${run.ev.slug}/${proposalId}`, fields },
      { kind: "review", target: `${proposalId}|${actor.userId}`, value: fields.comment, scores },
    );
  }
}

/** Accepted most often, so that speakers get to confirm and decline (and free slots) within a short run. */
const DECISIONS = ["ACCEPTED", "ACCEPTED", "ACCEPTED", "WAITLISTED", "WAITLISTED", "REJECTED", "UNDECIDED"] as const;

/** One tab of an organizer: marks decisions all along; once the CFP has closed, sometimes publishes one. */
export async function organizer(run: Run, index: number, tab: number) {
  const actor = run.ev.organizers[index];
  const client = `organizer-${index}.${tab}`;
  const marked = new Set<string>();
  while (run.going()) {
    await pause(run);
    // Once the CFP has closed, some of what this tab marked gets published.
    const publish = marked.size > 0 && Date.now() > run.ev.cfpClosesAt.getTime() && run.random() < 0.5;
    const proposalId = publish ? pick(run, [...marked]) : pick(run, run.ev.hotProposalIds);
    const operation = publish ? "PUBLISH" : pick(run, DECISIONS);
    const kind: WriteKind = publish ? "publish" : "decide";
    const out = await write(
      run,
      client,
      actor,
      { action: "decide", path: `/organize/${run.ev.slug}`, fields: { operation, proposalId }, bound: [run.ev.eventId] },
      { kind, target: proposalId, value: operation === "UNDECIDED" ? "null" : operation },
    );
    if (publish || operation === "UNDECIDED") marked.delete(proposalId);
    else if (out.kind === "ack") marked.add(proposalId);
  }
}

/** The speaker of a proposal under review: once it is accepted, confirms (or, one time in three, declines) and is done. */
export async function responder(run: Run, index: number) {
  const actor = run.ev.hotSpeakers[index];
  const proposalId = run.ev.hotProposalIds[index];
  const client = `responder-${index}`;
  while (run.going()) {
    // Decisions are published after the deadline; until then, and until this talk is accepted, a look now and then.
    await new Promise((r) => setTimeout(r, 300 + run.random() * 400));
    if (Date.now() < run.ev.cfpClosesAt.getTime()) continue;
    const answer = run.random() < 0.33 ? "decline" : "confirm";
    const out = await write(
      run,
      client,
      actor,
      {
        action: "respond",
        path: `/speaker/proposals/${proposalId}`,
        fields: answer === "decline" ? { answer, sure: "yes" } : { answer },
        bound: [proposalId],
      },
      { kind: "respond", target: proposalId, value: answer === "decline" ? "DECLINED" : "CONFIRMED" },
    );
    if (out.kind === "ack") return;
  }
}
