"use client";
import { useActionState } from "react";
import { EmptyState } from "@/components/ui/EmptyState";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { OutboxRow } from "@/lib/email/outbox-admin";
import type { FormState } from "@/lib/forms/result";
import { OutboxTable } from "./OutboxTable";

type Props = {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  slug: string;
  rows: OutboxRow[];
  timeZone: string;
  /** Held messages in all, on every page. */
  heldTotal: number;
};

/**
 * Held messages: read them, then send (release) or drop (discard) the
 * selected ones, or send them all. The outcome stays on screen after the
 * last row is gone.
 */
export function HeldOutboxForm({ action, slug, rows, timeZone, heldTotal }: Props) {
  const [state, formAction] = useActionState(action, {});
  const selectionError = state.fieldErrors?.ids?.join(" ");
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <EmptyState title="No held messages" />
      ) : (
        <>
          <OutboxTable slug={slug} rows={rows} timeZone={timeZone} caption="Held messages" selectable />
          {selectionError && (
            <p className="field-error" role="alert">
              {selectionError}
            </p>
          )}
          <div className="row">
            <SubmitButton name="intent" value="release" pendingText="Releasing…">
              Release selected
            </SubmitButton>
            <SubmitButton name="intent" value="discard" variant="danger" pendingText="Discarding…">
              Discard selected
            </SubmitButton>
            <SubmitButton name="intent" value="release-all" variant="secondary" pendingText="Releasing…">
              {`Release all ${heldTotal} held`}
            </SubmitButton>
          </div>
          <p className="hint">
            Released messages are sent at once. Discarded ones are deleted without being sent; the proposal&apos;s history keeps a note.
          </p>
        </>
      )}
    </form>
  );
}
