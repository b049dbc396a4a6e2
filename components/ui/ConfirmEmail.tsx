/** One email a confirmation will send, as its recipient reads it (links that act for them hidden by the server). */
export function ConfirmEmail({
  email,
  caption,
}: {
  email: { to: string; subject: string; body: string; held?: boolean };
  caption: string;
}) {
  return (
    <figure className="flush">
      <figcaption>
        <strong>{caption}</strong>
        {email.held && " (held in the outbox until you release it)"}
      </figcaption>
      <dl className="details">
        <dt>To</dt>
        <dd>{email.to}</dd>
        <dt>Subject</dt>
        <dd>{email.subject}</dd>
      </dl>
      <div className="mail">{email.body}</div>
    </figure>
  );
}
