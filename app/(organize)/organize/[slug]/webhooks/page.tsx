import type { Metadata } from "next";
import { db } from "@/lib/db";
import { listWebhookEndpoints } from "@/lib/webhook-endpoints/endpoints";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ActionButtonForm } from "@/components/ui/ActionButtonForm";
import { HeadedTable } from "@/components/ui/HeadedTable";
import { WebhookForm } from "@/components/webhooks/WebhookForm";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { createWebhookAction, deleteWebhookAction, resendDeliveryAction, setWebhookActiveAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_LABELS: Record<string, string> = { QUEUED: "Waiting", SENDING: "Sending", DELIVERED: "Delivered", FAILED: "Failed" };
const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 19) + " UTC" : "—");

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/webhooks`);
  const endpoints = await listWebhookEndpoints(db, user.actor, event.id);
  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="webhooks" />
      <div>
        <h1>Webhooks</h1>
        <p className="lead">
          Each change you choose is posted as JSON to your endpoint, signed the Standard Webhooks way (headers <code>webhook-id</code>,{" "}
          <code>webhook-timestamp</code>, <code>webhook-signature</code>). Failed deliveries are retried with growing pauses for about an
          hour.
        </p>
      </div>
      {endpoints.length === 0 && <p className="muted">No webhook yet.</p>}
      {endpoints.map((e) => (
        <section key={e.id} className="card stack" aria-labelledby={`endpoint-${e.id}`}>
          <h2 id={`endpoint-${e.id}`} style={{ overflowWrap: "anywhere" }}>
            {e.url} {!e.active && <span className="muted">(paused)</span>}
          </h2>
          <p>
            Sends:{" "}
            {e.eventTypes.map((t, i) => (
              <span key={t}>
                {i > 0 && ", "}
                <code>{t}</code>
              </span>
            ))}
          </p>
          <div className="row">
            <ActionButtonForm
              action={setWebhookActiveAction}
              fields={{ endpointId: e.id, active: e.active ? "false" : "true" }}
              label={e.active ? "Pause" : "Turn on"}
            />
            <ActionButtonForm action={deleteWebhookAction} fields={{ endpointId: e.id }} label="Remove" variant="danger" />
          </div>
          <h3>Delivery log</h3>
          {e.deliveries.length === 0 ? (
            <p className="muted">Nothing sent yet.</p>
          ) : (
            <HeadedTable columns={["Event", "Status", "Attempts", "Response", "Next attempt", "Message id", "Actions"]}>
              {e.deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <code>{d.eventType}</code>
                    <br />
                    <span className="muted">{when(d.createdAt)}</span>
                  </td>
                  <td>{STATUS_LABELS[d.status] ?? d.status}</td>
                  <td>{d.attempts}</td>
                  <td>{d.responseStatus ?? (d.lastError ? <span title={d.lastError}>{d.lastError.slice(0, 60)}</span> : "—")}</td>
                  <td>
                    {d.status === "QUEUED" ? when(d.nextAttemptAt) : d.status === "DELIVERED" ? `Delivered ${when(d.deliveredAt)}` : "—"}
                  </td>
                  <td>
                    <code style={{ overflowWrap: "anywhere" }}>{d.messageId}</code>
                  </td>
                  <td>
                    {d.status !== "SENDING" && (
                      <ActionButtonForm action={resendDeliveryAction} fields={{ deliveryId: d.id }} label="Resend" />
                    )}
                  </td>
                </tr>
              ))}
            </HeadedTable>
          )}
        </section>
      ))}
      <section className="card" aria-labelledby="add-webhook">
        <h2 id="add-webhook">Add a webhook</h2>
        <WebhookForm action={createWebhookAction.bind(null, event.id)} />
      </section>
    </div>
  );
}
