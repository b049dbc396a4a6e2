import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { appUrl, isMailboxEnabled } from "@/lib/config";
import { LinkedText } from "./LinkedText";
import { EmptyState } from "@/components/ui/EmptyState";
import { parseAttachments } from "@/lib/email/outbox";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * Development and demo mode only: every message the app wrote to its outbox.
 * In production this route does not exist (404), whatever the request.
 */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!isMailboxEnabled()) notFound();
  const { to } = await searchParams;
  const origin = new URL(appUrl()).origin;
  const messages = await db.outboxEmail.findMany({
    where: to ? { to: to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Mailbox</h1>
          <p className="lead">Demo mode: the last 50 messages the app sent{to ? ` to ${to}` : ""}. Nothing here leaves this server.</p>
        </div>
      </div>
      <form className="row" method="get">
        <label htmlFor="to" className="label">
          Recipient
        </label>
        <input id="to" name="to" type="email" defaultValue={to ?? ""} style={{ maxWidth: 320 }} />
        <button className="btn btn-secondary" type="submit">
          Filter
        </button>
      </form>
      {messages.length === 0 ? (
        <EmptyState title="No messages yet">
          <p className="muted">Sign in with an email link or submit a proposal and the message appears here.</p>
        </EmptyState>
      ) : (
        messages.map((m) => (
          <article key={m.id} className="card" aria-label={`Message to ${m.to}: ${m.subject}`}>
            <h2 style={{ marginTop: 0 }}>{m.subject}</h2>
            <ul className="meta">
              <li>To: {m.to}</li>
              <li>{m.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</li>
              <li>Status: {m.status.toLowerCase()}</li>
            </ul>
            <div className="mail" data-testid="mail-body">
              <LinkedText text={m.text} origin={origin} />
            </div>
            {parseAttachments(m.attachments).map((a) => (
              <details key={a.filename}>
                <summary>Attachment: {a.filename}</summary>
                <pre className="pre-wrap" data-testid="mail-attachment">
                  {a.content}
                </pre>
              </details>
            ))}
          </article>
        ))
      )}
    </div>
  );
}
