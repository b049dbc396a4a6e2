// The writes made outside any transaction, which the proposal checks do not
// see: outbox delivery marks (a lost mark means an email goes out twice) and
// sessions. Compared with what the SMTP sink received and what the server
// answered (issue 10, finding 16).
import type { Db } from "@/lib/db";
import type { ReceivedMail } from "@/tests/support/smtp-server";
import type { Attempt } from "./ledger";
import type { Findings } from "./verify";

const outboxIdOf = (m: ReceivedMail) => /^<outbox-([^@>]+)@/.exec(m.messageId ?? "")?.[1] ?? null;

/**
 * Every email received once at most; every message marked SENT received;
 * none received while the outbox still has it queued (it would go out again),
 * and none left "sending" after being received, unless received before the
 * kill (the server died between sending and marking it, as a crash may).
 */
export async function mailFindings(
  db: Db,
  received: ReceivedMail[],
  killedAt: number | null,
): Promise<Pick<Findings, "lostWrites" | "duplicates" | "illegalStates">> {
  const f = { lostWrites: [] as string[], duplicates: [] as string[], illegalStates: [] as string[] };
  const rows = await db.outboxEmail.findMany({ select: { id: true, to: true, status: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const receipts = new Map<string, ReceivedMail[]>();
  for (const m of received) {
    const id = outboxIdOf(m);
    if (!id || !byId.has(id)) f.illegalStates.push(`email ${m.messageId} to ${m.to.join(", ")}: received, no such outbox message`);
    else receipts.set(id, [...(receipts.get(id) ?? []), m]);
  }
  for (const r of rows) {
    const got = receipts.get(r.id) ?? [];
    const where = `email ${r.id} to ${r.to} (${r.status})`;
    if (got.length > 1) f.duplicates.push(`${where}: sent twice (received ${got.length} times)`);
    if (r.status === "SENT" && got.length === 0) f.lostWrites.push(`${where}: marked sent, never received`);
    if ((r.status === "QUEUED" || r.status === "FAILED" || r.status === "HELD") && got.length > 0)
      f.lostWrites.push(`${where}: received, but not marked sent: it would go out again`);
    if (r.status === "SENDING" && got.some((m) => killedAt === null || m.receivedAt > killedAt))
      f.lostWrites.push(`${where}: received after the restart, its "sent" mark is lost`);
  }
  return f;
}

/** Each session the server opened (answered with its cookie) exists, for the address that signed in. */
export async function sessionFindings(db: Db, attempts: Attempt[]): Promise<string[]> {
  const opened = attempts.filter((a) => a.kind === "session" && a.outcome === "ack");
  const rows = await db.session.findMany({
    where: { sessionToken: { in: opened.map((a) => a.value) } },
    select: { sessionToken: true, user: { select: { email: true } } },
  });
  const emailOf = new Map(rows.map((s) => [s.sessionToken, s.user.email]));
  return opened
    .filter((a) => emailOf.get(a.value) !== a.target)
    .map(
      (a) =>
        `session for ${a.target}: opened (cookie set), ${emailOf.has(a.value) ? `belongs to ${emailOf.get(a.value)}` : "not in the database"}`,
    );
}
