import Link from "next/link";
import { formatInZone } from "@/lib/events/time-zone";
import type { OutboxRow } from "@/lib/email/outbox-admin";
import { kindLabel, STATUS_LABELS } from "./labels";

type Props = {
  slug: string;
  rows: OutboxRow[];
  timeZone: string;
  caption: string;
  /** Held messages: a checkbox per row, named "id", for the surrounding form. */
  selectable?: boolean;
  /** Something to do with a row (a retry button), rendered in the last column. */
  action?: (row: OutboxRow) => React.ReactNode;
};

/** An event's outgoing messages: who, what, where each one is, and why it failed. */
export function OutboxTable({ slug, rows, timeZone, caption, selectable, action }: Props) {
  const when = (d: Date | null) => (d ? formatInZone(d, timeZone) : "—");
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
            )}
            <th scope="col">Recipient</th>
            <th scope="col">Subject</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Created</th>
            <th scope="col">Sent</th>
            {action && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const status = STATUS_LABELS[m.status] ?? { label: m.status, badge: "badge-draft" };
            return (
              <tr key={m.id}>
                {selectable && (
                  <td>
                    <input type="checkbox" name="id" value={m.id} aria-label={`Select the message to ${m.to}: ${m.subject}`} />
                  </td>
                )}
                <td style={{ overflowWrap: "anywhere" }}>{m.to}</td>
                <td>
                  <details>
                    <summary>{m.subject}</summary>
                    <div className="mail">{m.text}</div>
                    {m.proposalId && <Link href={`/organize/${slug}/proposals/${m.proposalId}`}>The proposal</Link>}
                  </details>
                </td>
                <td>{kindLabel(m.kind)}</td>
                <td>
                  <span className={`badge ${status.badge}`}>{status.label}</span>
                </td>
                <td>{m.attempts}</td>
                <td style={{ overflowWrap: "anywhere" }}>{m.lastError ?? "—"}</td>
                <td>{when(m.createdAt)}</td>
                <td>{when(m.sentAt)}</td>
                {action && <td>{action(m)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
