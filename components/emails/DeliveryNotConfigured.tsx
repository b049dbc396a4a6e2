/** On the organizers' email pages when this server has no SMTP_URL: nothing is sent, so say so. */
export function DeliveryNotConfigured() {
  return (
    <p className="alert alert-warn" role="note">
      <strong>Email delivery is not configured.</strong> This server has no SMTP server set up (<code>SMTP_URL</code>), so no message is
      sent: every message waits in the outbox below until delivery is configured.
    </p>
  );
}
