"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** One button that runs one action with a few hidden values, and says what happened next to it. */
export function ActionButtonForm({
  action,
  fields = {},
  label,
  pendingText,
  variant = "secondary",
  explanation,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  label: string;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
  explanation?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      {explanation && <p className="hint">{explanation}</p>}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingText={pendingText}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
