import type { PublicAnswer } from "@/lib/questions/public-answers";

/** Answers to the event's public questions, on public programme pages. */
export function PublicAnswers({ answers, headingId }: { answers: readonly PublicAnswer[] | undefined; headingId: string }) {
  if (!answers?.length) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>More about it</h2>
      <dl>
        {answers.map((a) => (
          <div key={a.question}>
            <dt>{a.question}</dt>
            <dd>{a.answer}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
