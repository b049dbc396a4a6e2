"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";
import type { FormAnswer, FormQuestion } from "@/lib/questions/kinds";
import { QuestionFields } from "./QuestionFields";

/** One event's speaker questions on the profile page, saved on their own. */
export function SpeakerQuestionsForm({
  action,
  questions,
  saved,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  questions: FormQuestion[];
  saved: Record<string, FormAnswer>;
}) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <QuestionFields
        key={revision}
        questions={questions}
        saved={saved}
        typed={state.ok ? undefined : state.values}
        errors={state.fieldErrors ?? {}}
      />
      <SubmitButton>Save answers</SubmitButton>
    </form>
  );
}
