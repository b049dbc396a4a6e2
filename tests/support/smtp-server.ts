// A real SMTP server on a free local port that keeps every message it
// receives: the mail sink of the integration tests and the load run.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";
import { smtpTransport } from "@/lib/email/deliver";

export type ReceivedMail = { from: string; to: string[]; raw: string; messageId: string | null; text: string; receivedAt: number };

export type SmtpSink = Awaited<ReturnType<typeof startSmtpServer>>;

/** While `refuse` is on, every recipient is rejected (550), as a mailbox that is down. */
export async function startSmtpServer({ refuse = false } = {}) {
  const state = { refusing: refuse };
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A reverse DNS lookup per connection waits for a resolver this machine may not have.
    disableReverseLookup: true,
    onRcptTo(_address, _session, callback) {
      callback(state.refusing ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        try {
          const raw = Buffer.concat(chunks).toString("utf8");
          const mail = await simpleParser(raw);
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: mail.messageId ?? null,
            text: mail.text ?? "",
            receivedAt: Date.now(),
          });
          for (const wake of waiters) wake();
          callback();
        } catch (e) {
          callback(e as Error);
        }
      });
    },
  });
  // A client that dies mid-session (the load run SIGKILLs the app) resets its connection: not the sink's problem.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;
  const find = (address: string, since: number) => received.find((m) => m.receivedAt >= since && m.to.includes(address)) ?? null;
  return {
    received,
    url,
    /** A fresh transport (each "instance" of the app has its own). */
    transport: () => smtpTransport(url),
    refuse: (on: boolean) => (state.refusing = on),
    /** The first message to `address` received at or after `since`, once it arrives (or null after `timeoutMs`). */
    async waitFor(address: string, since: number, timeoutMs: number): Promise<ReceivedMail | null> {
      const until = Date.now() + timeoutMs;
      for (let found = find(address, since); ; found = find(address, since)) {
        if (found || Date.now() > until) return found;
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, Math.max(0, until - Date.now()));
          waiters.add(wake);
        });
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
