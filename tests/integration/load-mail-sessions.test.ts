import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/outbox";
import { outboxMessageId } from "@/lib/email/deliver";
import type { Attempt } from "@/tests/load/ledger";
import { mailFindings, sessionFindings } from "@/tests/load/mail-and-sessions";
import type { ReceivedMail } from "@/tests/support/smtp-server";
import { createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";

// The load run's checks of the writes made outside transactions (issue 10,
// finding 16) must see each kind of damage: each test plants one.

const getDb = useTestDb();
const RESTART = Date.now() - 60_000;

async function message(db: Db, to: string, status: "QUEUED" | "SENDING" | "SENT") {
  await enqueueEmail(db, { to, subject: "Hello", kind: "sign-in", text: "A link" });
  const row = await db.outboxEmail.findFirstOrThrow({ where: { to } });
  await db.outboxEmail.update({ where: { id: row.id }, data: { status } });
  return row.id;
}

const receipt = (id: string, to: string, receivedAt = Date.now()): ReceivedMail => ({
  from: "cfp@localhost",
  raw: "",
  messageId: outboxMessageId(id),
  to: [to],
  text: "A link",
  receivedAt,
});

describe("load run: delivery marks and sessions", () => {
  it("find nothing wrong when each email was received once and marked, or is still waiting, or died with the server", async () => {
    const db = getDb();
    const sent = await message(db, "sent@example.com", "SENT");
    await message(db, "queued@example.com", "QUEUED");
    const cut = await message(db, "cut@example.com", "SENDING");
    const f = await mailFindings(db, [receipt(sent, "sent@example.com"), receipt(cut, "cut@example.com", RESTART - 5000)], RESTART);
    expect(f).toEqual({ lostWrites: [], duplicates: [], illegalStates: [] });
  });

  it("an email received twice, a sent mark with no email, an email back in the queue, a lost sent mark, an unknown email", async () => {
    const db = getDb();
    const twice = await message(db, "twice@example.com", "SENT");
    const never = await message(db, "never@example.com", "SENT");
    const requeued = await message(db, "requeued@example.com", "QUEUED");
    const unmarked = await message(db, "unmarked@example.com", "SENDING");
    const f = await mailFindings(
      db,
      [
        receipt(twice, "twice@example.com"),
        receipt(twice, "twice@example.com"),
        receipt(requeued, "requeued@example.com"),
        receipt(unmarked, "unmarked@example.com", RESTART + 1000),
        { from: "", raw: "", messageId: "<stranger@example.com>", to: ["x@example.com"], text: "", receivedAt: Date.now() },
      ],
      RESTART,
    );
    expect(f.duplicates).toEqual([expect.stringContaining(`email ${twice} to twice@example.com (SENT): sent twice`)]);
    expect(f.lostWrites.join("\n")).toContain(`email ${never} to never@example.com (SENT): marked sent, never received`);
    expect(f.lostWrites.join("\n")).toContain(`email ${requeued} to requeued@example.com (QUEUED): received, but not marked sent`);
    expect(f.lostWrites.join("\n")).toContain(`email ${unmarked} to unmarked@example.com (SENDING): received after the restart`);
    expect(f.illegalStates).toEqual([expect.stringContaining("<stranger@example.com>")]);
  });

  it("a session the server answered with that is not in the database, or belongs to someone else", async () => {
    const db = getDb();
    const ada = await createUser(db, { email: "ada@example.com" });
    const expires = new Date(Date.now() + 86_400_000);
    await db.session.create({ data: { sessionToken: "kept", userId: ada.id, expires } });
    const session = (target: string, value: string, outcome: Attempt["outcome"] = "ack"): Attempt => ({
      client: "s",
      kind: "session",
      target,
      value,
      outcome,
      sentAt: 0,
      doneAt: 1,
      detail: "",
    });
    expect(await sessionFindings(db, [session("ada@example.com", "kept"), session("bob@example.com", "never-opened", "refused")])).toEqual(
      [],
    );
    expect(await sessionFindings(db, [session("bob@example.com", "lost"), session("bob@example.com", "kept")])).toEqual([
      "session for bob@example.com: opened (cookie set), not in the database",
      "session for bob@example.com: opened (cookie set), belongs to ada@example.com",
    ]);
  });
});
