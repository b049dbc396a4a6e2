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
  caption: string;
  emptyTitle: string;
};

/** Messages with a Retry button on each failed one; one form, so the outcome stays on screen after the row moves away. */
export function RetryOutboxForm({ action, slug, rows, timeZone, caption, emptyTitle }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      {rows.length === 0 ? (
        <EmptyState title={emptyTitle} />
      ) : (
        <OutboxTable
          slug={slug}
          rows={rows}
          timeZone={timeZone}
          caption={caption}
          action={(m) =>
            m.status === "FAILED" ? (
              <SubmitButton name="id" value={m.id} variant="secondary" pendingText="Queuing…">
                Retry<span className="visually-hidden"> the message to {m.to}</span>
              </SubmitButton>
            ) : null
          }
        />
      )}
    </form>
  );
}
