import type { PromotionPlan } from "@/lib/lifecycle/promote-plan";
import { ConfirmEmail } from "@/components/ui/ConfirmEmail";

/** What "Promote the best" will do: which talk moves into the programme, who is emailed, and that email. */
export function PromotePreview({ plan }: { plan: PromotionPlan }) {
  if (!plan.candidate) return <p className="muted">Nobody can be promoted from this waitlist any more.</p>;
  const speakers = plan.candidate.speakers.map((s) => (s.name ? `${s.name} <${s.email}>` : s.email)).join(", ");
  return (
    <>
      <p>
        “{plan.candidate.title}” is the best of {plan.waiting} waitlisted {plan.sessionType.name.toLowerCase()}
        {plan.waiting === 1 ? "" : "s"}: it becomes accepted and its speakers ({speakers}) are asked to confirm
        {plan.held ? "; the email waits in the outbox until you release it." : " by email, at once."}
      </p>
      {plan.email && <ConfirmEmail email={plan.email} caption={`The email to ${plan.email.to}`} />}
    </>
  );
}
