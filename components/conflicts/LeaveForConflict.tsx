import type { OwnConflictPlan } from "@/lib/reviews/conflicts/declare";
import type { FormState } from "@/lib/forms/result";
import { ConfirmStep, ConfirmTrigger } from "@/components/ui/Confirm";

/**
 * "I have a conflict": the button opens the confirmation, which shows what
 * the declaration removes (the reviewer's own review, their assignment)
 * from the server's dry run.
 */
export function LeaveForConflict({
  action,
  proposalId,
  plan,
  scoreLabel,
  openHref,
  closeHref,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  proposalId: string;
  /** The dry run, when the confirmation is open. */
  plan: OwnConflictPlan | null;
  /** The reviewer's score as the review form shows it. */
  scoreLabel: string | null;
  openHref: string;
  closeHref: string;
}) {
  return (
    <section className="card stack" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">A conflict of interest?</h2>
      <p>
        You know a speaker, work with them, or compete with what they present? Declare a conflict: the proposal leaves your queue and your
        counts, your review of it (if any) is removed, and you will no longer see it, its reviews or its discussion. Only an organizer can
        undo this.
      </p>
      <div>
        <ConfirmTrigger id="declare-conflict" href={openHref} open={!!plan} variant="danger">
          Declare a conflict and leave this proposal…
        </ConfirmTrigger>
      </div>
      {plan && (
        <ConfirmStep
          id="confirm-conflict"
          level={3}
          title="Declare a conflict and leave this proposal?"
          action={action}
          fields={{ proposalId, fingerprint: plan.fingerprint }}
          confirmLabel={plan.review ? "Delete my review, declare and leave" : "Declare the conflict and leave"}
          pendingText="Declaring…"
          cancelHref={closeHref}
          variant="danger"
        >
          <ul>
            {plan.review ? (
              <li>
                Your review is deleted: score {scoreLabel}
                {plan.review.comment ? <>, comment “{plan.review.comment}”</> : ", no comment"}. It no longer counts in the results.
              </li>
            ) : (
              <li>You have not reviewed it: no review of yours is deleted.</li>
            )}
            {plan.assigned && <li>Your assignment to it is removed.</li>}
            <li>It leaves your queue, and you no longer see it, its reviews or its discussion. Nobody is emailed.</li>
          </ul>
        </ConfirmStep>
      )}
    </section>
  );
}
