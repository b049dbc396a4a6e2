/** Answers as a description list: the question, then the answer (with whose, for speaker questions). */
export function AnswerList({ answers }: { answers: { questionId: string; question: string; text: string; speaker?: string | null }[] }) {
  return (
    <dl className="answer-list">
      {answers.map((a, i) => (
        <div key={`${a.questionId}-${i}`}>
          <dt>
            {a.question}
            {a.speaker && <span className="muted"> — {a.speaker}</span>}
          </dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{a.text}</dd>
        </div>
      ))}
    </dl>
  );
}
