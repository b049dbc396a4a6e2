import Link from "next/link";
import type { SetupStep, SetupStepKey } from "@/lib/events/setup-checklist";

const STEPS: Record<SetupStepKey, { label: string; section: string; optional?: true }> = {
  description: { label: "Describe the event and the talks you are looking for", section: "settings" },
  formats: { label: "Set the session types and tracks", section: "settings" },
  "rating-guide": { label: "Write a rating guide for reviewers and check the criteria", section: "review-settings" },
  team: { label: "Invite reviewers", section: "team" },
  questions: { label: "Ask speakers your own questions", section: "questions", optional: true },
  emails: { label: "Read the emails speakers will get, and adjust their wording", section: "emails", optional: true },
};

/** The setup steps of a new event, each a link to where it is done, then the public link to share. */
export function SetupChecklist({ slug, steps, publicUrl }: { slug: string; steps: SetupStep[]; publicUrl: string }) {
  const done = steps.filter((s) => s.done).length;
  return (
    <section className="card" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Set up your call for papers</h2>
      <p className="muted">
        {done} of {steps.length} done.
      </p>
      <ol className="stack">
        {steps.map((s) => {
          const step = STEPS[s.key];
          return (
            <li key={s.key}>
              <Link href={`/organize/${slug}/${step.section}`}>{step.label}</Link>
              {step.optional && <span className="muted"> (optional)</span>}
              {" · "}
              {s.done ? <span className="badge badge-accepted">Done</span> : <span className="badge badge-draft">To do</span>}
            </li>
          );
        })}
      </ol>
      <p>
        Then share the event page: <Link href={`/events/${slug}`}>{publicUrl}</Link>
      </p>
    </section>
  );
}
