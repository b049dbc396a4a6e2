"use client";
import { useFormStatus } from "react-dom";

/** A submit button that shows it is working and cannot be double-clicked. */
export function SubmitButton({
  children,
  pendingText = "Saving…",
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  const { pending: formPending, data } = useFormStatus();
  // With several submit buttons in one form, only the one that was pressed says it is working.
  const pressed = !name || !data || data.get(name) === (value ?? "");
  const pending = formPending && pressed;
  return (
    <button type="submit" className={`btn btn-${variant}`} disabled={formPending} aria-disabled={formPending} name={name} value={value}>
      {pending ? pendingText : children}
    </button>
  );
}
