// `npm run load`: the CFP's worst hour. Starts the production server, drives
// it with concurrent clients (speakers around the deadline, reviewers on the
// same proposals, organizers deciding), SIGKILLs and restarts it midway, and
// checks the database against every answer the server gave. Exits non-zero
// on any lost, duplicated or illegal write, or a crash. docs/load.md.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { rng } from "@/scripts/lib/random";
import { ensureBuild, freePort, startServer, type Server } from "@/scripts/lib/server";
import { organizer, responder, reviewer, speaker, type Run } from "./actors";
import { freshDatabase, type Provider } from "./database";
import { startSmtpServer } from "@/tests/support/smtp-server";
import { integrityProblems } from "./integrity";
import { Ledger } from "./ledger";
import { mailFindings, sessionFindings } from "./mail-and-sessions";
import { parseOptions, type LoadOptions } from "./options";
import { printRun, summarize, type PhaseResult } from "./report";
import { seedLoadEvent } from "./seed";
import { signer } from "./sign-in";
import { verify, violations, type Findings } from "./verify";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// `npm start`, as production runs it (with its heap cap).
const npmStart = (smtpUrl: string) => ({ command: ["npm", "start", "--"], smtpUrl });

/** Adds the checks of delivery marks and sessions (tests/load/mail-and-sessions.ts) to a phase's findings. */
function including(f: Findings, more: Partial<Pick<Findings, "lostWrites" | "duplicates" | "illegalStates">>): Findings {
  for (const key of ["lostWrites", "duplicates", "illegalStates"] as const) f[key].push(...(more[key] ?? []));
  return f;
}

async function runOn(provider: Provider, o: LoadOptions): Promise<{ ok: boolean; report: unknown }> {
  const database = await freshDatabase(provider);
  const db = createDb(database.url);
  const reviewerTabs = Math.max(2, Math.round((o.clients * 0.3) / 2) * 2);
  const organizerTabs = Math.max(2, Math.round((o.clients * 0.1) / 2) * 2);
  const shape = {
    speakers: o.clients - reviewerTabs - organizerTabs,
    reviewers: reviewerTabs / 2,
    organizers: organizerTabs / 2,
    hotProposals: Math.max(10, Math.round(o.clients / 3)),
  };
  const ev = await seedLoadEvent(db, shape, new Date(Date.now() + 86_400_000));
  const signers = Math.max(2, Math.round(o.clients / 20));
  const mail = await startSmtpServer();
  const port = await freePort();
  let server: Server = await startServer(database.url, port, npmStart(mail.url));
  const killedServerLogs: string[] = [];
  let up: Promise<string> = Promise.resolve(server.url);

  // The clock starts now. The kill comes at 35% of the run, the CFP closes at
  // 55%, the clients stop at 100%: each no sooner, and each only once the run
  // has made the progress the phase needs, so a slow (busy) machine stretches
  // the run instead of leaving a phase unexercised. At most 4× the time.
  const startedAt = Date.now();
  const at = (share: number) => startedAt + o.seconds * 1000 * share;
  const hardEnd = at(4);
  let ending = false;
  const ledger = new Ledger();
  const run: Run = {
    ev,
    ledger,
    server: () => up,
    going: () => !ending && Date.now() < hardEnd,
    timeoutMs: 60_000,
    random: rng(o.seed),
    mail,
  };
  console.log(
    `--- ${provider}: ${o.clients} clients (${shape.speakers} speakers, ${shape.reviewers} reviewers × 2 tabs, ${shape.organizers} organizers × 2 tabs), ` +
      `the speakers of the ${shape.hotProposals} proposals under review, who answer once accepted, and ${signers} people signing in by email link; ${o.seconds} s`,
  );

  const clients = [
    ...ev.speakers.map((_, i) => speaker(run, i)),
    ...ev.reviewers.flatMap((_, i) => [reviewer(run, i, 1), reviewer(run, i, 2)]),
    ...ev.organizers.flatMap((_, i) => [organizer(run, i, 1), organizer(run, i, 2)]),
    ...ev.hotProposalIds.map((_, i) => responder(run, i)),
    ...Array.from({ length: signers }, (_, i) => signer(run, i)),
  ];
  const acked = (f: (a: (typeof ledger.attempts)[number]) => boolean) => ledger.attempts.some((a) => a.outcome === "ack" && f(a));

  const phases: PhaseResult[] = [];
  let restartedAt: number | null = null;
  if (o.kill) {
    await until(() => Date.now() >= at(0.35) && ledger.attempts.length >= 40, hardEnd);
    let restarted!: (url: string) => void;
    up = new Promise((resolve) => (restarted = resolve));
    const killedAt = Date.now();
    await server.kill();
    killedServerLogs.push(server.log());
    console.log(`--- SIGKILL at ${((killedAt - startedAt) / 1000).toFixed(1)} s, ${ledger.attempts.length} writes answered so far`);
    // Requests in flight fail at once (connection reset); the clients now wait for the restart.
    await sleep(500);
    const answered = ledger.until(Date.now()).filter((a) => a.sentAt <= killedAt);
    const findings = including(await verify(db, ev, answered), { lostWrites: await sessionFindings(db, answered) });
    phases.push({ name: "after SIGKILL, before restart", findings, integrity: await integrityProblems(database.url) });
    server = await startServer(database.url, port, npmStart(mail.url));
    restartedAt = Date.now();
    restarted(server.url);
    console.log(`--- restarted after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
  }
  await until(
    () => Date.now() >= at(0.55) && acked((a) => !!a.submit) && acked((a) => a.kind === "edit") && acked((a) => a.kind === "review"),
    hardEnd,
  );
  await closeCfp(db, ev);
  console.log(`--- the CFP closes at ${((ev.cfpClosesAt.getTime() - startedAt) / 1000).toFixed(1)} s`);
  await until(() => Date.now() >= at(1) && exercised(ledger.attempts, ev.cfpClosesAt.getTime()).length === 0, hardEnd);
  ending = true;
  await Promise.all(clients);
  await deliveriesSettled(db, restartedAt ?? startedAt);
  await server.stop();
  await mail.close();
  const delivered = await mailFindings(db, mail.received, restartedAt);
  const findings = including(await verify(db, ev, ledger.attempts), {
    ...delivered,
    lostWrites: [...delivered.lostWrites, ...(await sessionFindings(db, ledger.attempts))],
  });
  phases.push({ name: "at the end", findings, integrity: await integrityProblems(database.url) });
  console.log(`--- the SMTP sink received ${mail.received.length} emails`);

  const deadline = ev.cfpClosesAt.getTime();
  if (process.env.LOAD_LEDGER_FILE)
    writeFileSync(process.env.LOAD_LEDGER_FILE, JSON.stringify({ startedAt, deadline, attempts: ledger.attempts }));
  printRun(provider, ledger.attempts, deadline, phases, Math.round((Date.now() - startedAt) / 1000));
  const problems = exercised(ledger.attempts, deadline);
  if (mail.received.length === 0) problems.push("no email received by the SMTP sink: the run did not exercise delivery");
  for (const p of problems) console.log(`  ! ${p}`);
  const serverErrors = ledger.attempts.filter((a) => a.serverError);
  for (const a of serverErrors.slice(0, 5)) console.log(`  ! server error on ${a.kind}: ${a.detail}`);
  const ok =
    phases.every((p) => violations(p.findings) === 0 && p.integrity.length === 0) && problems.length === 0 && serverErrors.length === 0;
  if (!ok)
    console.log(
      [...killedServerLogs, server.log()]
        .join("\n")
        .split("\n")
        .filter((l) => /error/i.test(l))
        .slice(-20)
        .join("\n"),
    );
  await db.$disconnect();
  await database.drop();
  return {
    ok,
    report: { provider, options: o, shape, summary: summarize(ledger.attempts, deadline), serverErrors: serverErrors.length, phases },
  };
}

/**
 * Deliveries run after each response; let the last ones finish before the
 * server stops (SIGTERM does not wait for them), so that a message left
 * "sending" at the end means a lost mark, not a cut delivery. At most 20 s.
 */
async function deliveriesSettled(db: ReturnType<typeof createDb>, since: number) {
  await sleep(500); // the last responses' deliveries start right after them
  const until = Date.now() + 20_000;
  while (Date.now() < until && (await db.outboxEmail.count({ where: { status: "SENDING", claimedAt: { gt: new Date(since) } } })) > 0)
    await sleep(200);
}

/** Waits until `done()` holds, or until `cap`. */
async function until(done: () => boolean, cap: number) {
  while (!done() && Date.now() < cap) await sleep(100);
}

/**
 * Closes the CFP two seconds from now, as an organizer moving the deadline
 * would. The new deadline counts only if it was written well before it
 * passed (a busy database may take a while); otherwise it is written again.
 */
async function closeCfp(db: ReturnType<typeof createDb>, ev: { eventId: string; cfpClosesAt: Date }) {
  for (;;) {
    const closesAt = new Date(Date.now() + 2000);
    await db.event.update({ where: { id: ev.eventId }, data: { cfpClosesAt: closesAt } });
    if (Date.now() < closesAt.getTime() - 500) {
      ev.cfpClosesAt = closesAt;
      return;
    }
  }
}

/** The run must have done what it claims to test, or its zero findings mean nothing. */
function exercised(attempts: ReturnType<Ledger["until"]>, deadline: number): string[] {
  const count = (f: (a: (typeof attempts)[number]) => boolean) => attempts.filter(f).length;
  const needs: [string, number][] = [
    [
      "submissions acknowledged before the deadline",
      count((a) => (a.kind === "create" || a.kind === "edit") && !!a.submit && a.outcome === "ack"),
    ],
    [
      "speaker writes refused after the deadline",
      count((a) => (a.kind === "create" || a.kind === "edit") && a.sentAt > deadline && a.outcome === "refused"),
    ],
    ["edits acknowledged", count((a) => a.kind === "edit" && a.outcome === "ack")],
    ["reviews acknowledged", count((a) => a.kind === "review" && a.outcome === "ack")],
    ["decisions acknowledged", count((a) => a.kind === "decide" && a.outcome === "ack")],
    ["publications acknowledged", count((a) => a.kind === "publish" && a.outcome === "ack" && a.changed === 1)],
    ["confirmations or declines acknowledged", count((a) => a.kind === "respond" && a.outcome === "ack")],
    ["sessions opened by email link", count((a) => a.kind === "session" && a.outcome === "ack")],
  ];
  return needs.filter(([, n]) => n === 0).map(([what]) => `no ${what}: the run did not exercise it`);
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const build = ensureBuild(false);
  if (build.built) console.log(`--- built .next in ${build.seconds} s`);
  let ok = true;
  for (const provider of o.providers) {
    const { ok: passed, report } = await runOn(provider, o);
    ok &&= passed;
    if (o.out) {
      mkdirSync(o.out, { recursive: true });
      const file = path.join(o.out, `load-${new Date().toISOString().slice(0, 10)}-${provider}-${o.clients}.json`);
      writeFileSync(file, JSON.stringify(report, null, 2));
      console.log(`--- wrote ${file}`);
    }
  }
  console.log(ok ? "\nLOAD: PASS" : "\nLOAD: FAIL");
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
