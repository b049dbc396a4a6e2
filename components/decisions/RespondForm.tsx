"use client";
import { useActionState } from "react";
import { ConfirmStep, ConfirmTrigger } from "@/components/ui/Confirm";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/**
 * Confirm or decline an accepted talk. Declining gives the slot away, so it
 * goes through the confirmation step first (`?confirm=decline`); the server
 * checks that it came from there.
 */
export function RespondForm({
  action,
  hidden,
  open = true,
  decline,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  /** False once the talk is no longer waiting for an answer: only the last outcome is shown. */
  open?: boolean;
  /** This page with and without `?confirm=decline`, and whether that confirmation is showing. */
  decline: { href: string; cancelHref: string; showing: boolean };
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="stack">
      <FormMessage state={state} />
      {open && (
        <div className="row">
          <form action={formAction}>
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name="answer" value="confirm" />
            <SubmitButton pendingText="Confirming…">Confirm: I will give this talk</SubmitButton>
          </form>
          <ConfirmTrigger id="decline-talk" href={decline.href} open={decline.showing} variant="danger">
            Decline…
          </ConfirmTrigger>
        </div>
      )}
      {decline.showing && (
        <ConfirmStep
          id="confirm-decline"
          level={3}
          title="Decline this talk?"
          action={action}
          fields={{ ...hidden, answer: "decline", sure: "yes" }}
          confirmLabel="Decline: give my slot to someone else"
          pendingText="Declining…"
          cancelHref={decline.cancelHref}
          variant="danger"
          canConfirm={open}
        >
          {open ? (
            <ul>
              <li>Your talk leaves the programme and the organizers are emailed.</li>
              <li>Your slot goes to a talk on the waitlist.</li>
              <li>This cannot be undone.</li>
            </ul>
          ) : (
            <p className="muted">This talk is no longer waiting for your answer.</p>
          )}
        </ConfirmStep>
      )}
    </div>
  );
}
