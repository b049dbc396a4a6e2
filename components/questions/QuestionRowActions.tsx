"use client";
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Move up / down buttons for one question, named for screen readers. */
export function MoveQuestionButtons({
  action,
  questionId,
  label,
  first,
  last,
}: {
  action: Action;
  questionId: string;
  label: string;
  first: boolean;
  last: boolean;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="row">
      <input type="hidden" name="questionId" value={questionId} />
      {!first && (
        <SubmitButton variant="secondary" name="direction" value="up" pendingText="Moving…">
          ↑<span className="visually-hidden"> Move “{label}” up</span>
        </SubmitButton>
      )}
      {!last && (
        <SubmitButton variant="secondary" name="direction" value="down" pendingText="Moving…">
          ↓<span className="visually-hidden"> Move “{label}” down</span>
        </SubmitButton>
      )}
      {state.formError && <FormMessage state={state} />}
    </form>
  );
}

/** Delete one question; with answers, a box must be ticked that says how many go with it. */
export function DeleteQuestionForm({
  action,
  questionId,
  label,
  answers,
}: {
  action: Action;
  questionId: string;
  label: string;
  answers: number;
}) {
  const [state, formAction] = useActionState(action, {});
  const id = useId();
  return (
    <form action={formAction}>
      <input type="hidden" name="questionId" value={questionId} />
      {answers > 0 && (
        <label className="checkbox" htmlFor={id}>
          <input id={id} type="checkbox" name="confirmAnswers" /> Also delete the {answers} {answers === 1 ? "answer" : "answers"}
        </label>
      )}
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete<span className="visually-hidden"> “{label}”</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
