"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** One button; the outcome (what was added, what stays short and why) is announced. */
export function RunAssignmentForm({ action }: { action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <SubmitButton pendingText="Assigning…">Run automatic assignment</SubmitButton>
    </form>
  );
}
