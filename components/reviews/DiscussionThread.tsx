import { formatDate } from "@/lib/dates";
import type { FormState } from "@/lib/forms/result";
import { DiscussionForm } from "@/components/reviews/DiscussionForm";

type Comment = { id: string; body: string; createdAt: Date; author: { name: string | null; email: string } };

/** The review team's discussion of a proposal: comments oldest first, then the form. */
export function DiscussionThread({
  comments,
  proposalId,
  action,
  timeZone,
}: {
  comments: Comment[];
  proposalId: string;
  /** The event's zone: dates are its calendar days. */
  timeZone: string;
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  return (
    <section className="card" aria-labelledby="discussion">
      <h2 id="discussion">Discussion</h2>
      {comments.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className="stack plain-list">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="flush">
                <strong>{c.author.name || c.author.email}</strong>
                <span className="muted"> · {formatDate(c.createdAt, timeZone)}</span>
              </p>
              <p className="pre-wrap flush">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <DiscussionForm action={action} proposalId={proposalId} />
    </section>
  );
}
