import { afterEach, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { useTestDb } from "@/tests/support/test-db";
import { startSmtpServer } from "@/tests/support/smtp-server";
import { enqueueEmail } from "@/lib/email/outbox";
import { deliverQueued, MAX_ATTEMPTS, smtpTransport } from "@/lib/email/deliver";
import { DEFAULT_TEMPLATES } from "@/lib/email/event-templates/kinds";
import { renderTemplate } from "@/lib/email/event-templates/render";

const getDb = useTestDb();
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

describe("delivery through a real SMTP server", () => {
  it("delivers a queued message to its recipient with the subject and an escaped HTML part", async () => {
    const db = getDb();
    smtp = await startSmtpServer();
    const mail = renderTemplate(DEFAULT_TEMPLATES["submission-received"], {
      speaker_name: "<b>Mallory</b>",
      talk_title: `<script>alert("x")</script> {speaker_name}`,
      event_name: "RustFest",
      proposal_url: "http://localhost:3000/speaker/proposals/p1",
    });
    await enqueueEmail(db, { to: "mallory@example.org", kind: "submission-received", subject: mail.subject, text: mail.body });

    const result = await deliverQueued(db, smtpTransport(smtp.url));

    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [msg] = smtp.received;
    expect(msg.to).toEqual(["mallory@example.org"]);
    const parsed = await simpleParser(msg.raw);
    expect(parsed.subject).toBe(`Proposal received: <script>alert("x")</script> {speaker_name}`);
    expect(parsed.text).toContain("Hi <b>Mallory</b>,"); // plain text shows it as typed
    const html = String(parsed.html);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;Mallory&lt;/b&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("sends a message's calendar attachment as a text/calendar part", async () => {
    const db = getDb();
    smtp = await startSmtpServer();
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";
    await enqueueEmail(db, {
      to: "speaker@example.org",
      kind: "schedule-slot",
      subject: "Your slot",
      text: "Saturday 27 March 2027, 10:00 to 10:30",
      attachments: [{ filename: "talk.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }],
    });

    expect(await deliverQueued(db, smtpTransport(smtp.url))).toEqual({ sent: 1, failed: 0 });
    const parsed = await simpleParser(smtp.received[0].raw);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.content.toString("utf8")])).toEqual([
      ["talk.ics", "text/calendar", ics],
    ]);
  });

  it("keeps a message queued with the server's error when SMTP refuses it, then marks it failed after the last attempt", async () => {
    const db = getDb();
    smtp = await startSmtpServer({ refuse: true });
    await enqueueEmail(db, { to: "nobody@example.org", kind: "sign-in", subject: "Sign in", text: "Link: http://x" });
    const transport = smtpTransport(smtp.url);

    const first = await deliverQueued(db, transport);
    expect(first).toEqual({ sent: 0, failed: 1 });
    let row = await db.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toMatch(/Mailbox unavailable|550/);

    // Retries happen after the backoff: move the clock past each one.
    let now = Date.now();
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now += 2 * 60 * 60_000;
      await deliverQueued(db, transport, { now: new Date(now) });
    }
    row = await db.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(smtp.received).toHaveLength(0);
  });

  it("does not retry before the backoff has passed", async () => {
    const db = getDb();
    smtp = await startSmtpServer({ refuse: true });
    await enqueueEmail(db, { to: "nobody@example.org", kind: "sign-in", subject: "Sign in", text: "x" });
    const transport = smtpTransport(smtp.url);
    await deliverQueued(db, transport);
    const again = await deliverQueued(db, transport);
    expect(again).toEqual({ sent: 0, failed: 0 });
    expect((await db.outboxEmail.findFirstOrThrow()).attempts).toBe(1);
  });
});
