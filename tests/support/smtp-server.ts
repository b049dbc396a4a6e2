import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { smtpTransport } from "@/lib/email/deliver";

export type ReceivedMail = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on a free local port that records what it receives.
 * While `refusing`, it rejects every recipient (550), as a mailbox that is down.
 */
export async function startSmtpServer({ refuse = false } = {}) {
  const state = { refusing: refuse };
  const received: ReceivedMail[] = [];
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
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;
  return {
    received,
    url,
    /** A fresh transport (each "instance" of the app has its own). */
    transport: () => smtpTransport(url),
    refuse: (on: boolean) => (state.refusing = on),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
