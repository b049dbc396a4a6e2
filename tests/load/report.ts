// What a load run did and found, as a table and as JSON.
import type { Attempt, WriteKind } from "./ledger";
import { violations, type Findings } from "./verify";

export type PhaseResult = { name: string; findings: Findings; integrity: string[] };

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

export function summarize(attempts: Attempt[], deadline: number) {
  const kinds: WriteKind[] = ["create", "edit", "withdraw", "review", "decide", "publish", "respond", "signin", "session"];
  return kinds.map((kind) => {
    const list = attempts.filter((a) => a.kind === kind);
    const ms = list
      .filter((a) => a.outcome === "ack")
      .map((a) => a.doneAt - a.sentAt)
      .sort((a, b) => a - b);
    return {
      kind,
      sent: list.length,
      ack: list.filter((a) => a.outcome === "ack").length,
      refused: list.filter((a) => a.outcome === "refused").length,
      unknown: list.filter((a) => a.outcome === "unknown").length,
      sentAfterDeadline: list.filter((a) => a.sentAt > deadline).length,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      max: ms.at(-1) ?? NaN,
    };
  });
}

export function printRun(provider: string, attempts: Attempt[], deadline: number, phases: PhaseResult[], seconds: number) {
  const rows = summarize(attempts, deadline);
  console.log(`\n=== ${provider}: ${attempts.length} writes in ${seconds} s`);
  console.log("kind      sent    ack  refused  unknown  after-deadline   p50 ms   p95 ms   max ms");
  for (const r of rows) {
    console.log(
      [r.kind.padEnd(8), r.sent, r.ack, r.refused, r.unknown, r.sentAfterDeadline, r.p50, r.p95, r.max]
        .map((v, i) => (i === 0 ? v : String(v).padStart(i === 5 ? 15 : i >= 6 ? 8 : 7)))
        .join(" "),
    );
  }
  const reasons = new Map<string, number>();
  for (const a of attempts.filter((a) => a.outcome !== "ack")) {
    const key = `${a.outcome}: ${a.detail.replace(/[a-z0-9]{25}/g, "…").slice(0, 90)}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  console.log("answers other than ack:");
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(5)}  ${k}`);
  for (const phase of phases) {
    const n = violations(phase.findings) + phase.integrity.length;
    console.log(`${phase.name}: ${n === 0 ? "OK" : `${n} PROBLEMS`}`);
    for (const [what, list] of [...Object.entries(phase.findings), ["integrity", phase.integrity] as const]) {
      console.log(`  ${what}: ${list.length}`);
      for (const line of list.slice(0, 10)) console.log(`    - ${line}`);
    }
  }
}
