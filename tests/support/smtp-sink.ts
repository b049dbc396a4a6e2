// A real SMTP server on a free local port that keeps every message it
// receives (the integration tests' and the load run's mail sink).
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import type { AddressInfo } from "node:net";

export type ReceivedMail = { messageId: string | null; to: string[]; text: string; receivedAt: number };

export type SmtpSink = {
  url: string;
  received: ReceivedMail[];
  /** The first message to `address` received after `since`, once it arrives (or null after `timeoutMs`). */
  waitFor(address: string, since: number, timeoutMs: number): Promise<ReceivedMail | null>;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    async onData(stream, session, callback) {
      try {
        const mail = await simpleParser(stream);
        received.push({
          messageId: mail.messageId ?? null,
          to: session.envelope.rcptTo.map((r) => r.address),
          text: mail.text ?? "",
          receivedAt: Date.now(),
        });
        for (const wake of waiters) wake();
        callback();
      } catch (e) {
        callback(e as Error);
      }
    },
  });
  // A client that dies mid-session (the load run SIGKILLs the app) resets its connection: not the sink's problem.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const find = (address: string, since: number) => received.find((m) => m.receivedAt >= since && m.to.includes(address)) ?? null;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    received,
    async waitFor(address, since, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (let found = find(address, since); ; found = find(address, since)) {
        if (found || Date.now() > until) return found;
        await new Promise<void>((resolve) => {
          const wake = () => (waiters.delete(wake), clearTimeout(timer), resolve());
          const timer = setTimeout(wake, Math.max(0, until - Date.now()));
          waiters.add(wake);
        });
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
