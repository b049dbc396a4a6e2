"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/**
 * "Publish all". It stays mounted when nothing is left to publish, so the
 * outcome ("3 proposals published… 1 skipped (…)") is still shown and
 * announced after the page re-renders without the button.
 */
export function PublishAllForm({
  action,
  total,
  explanation,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  total: number;
  explanation: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      {total > 0 && (
        <>
          <p className="hint">{explanation}</p>
          <SubmitButton variant="primary" pendingText="Publishing…">{`Publish all ${total} decisions`}</SubmitButton>
        </>
      )}
      <FormMessage state={state} />
    </form>
  );
}
