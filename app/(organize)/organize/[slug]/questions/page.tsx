import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { eventQuestions, answerCounts } from "@/lib/questions/organizer";
import { REQUIREMENT_LABELS, TARGET_LABELS, VARIANT_LABELS } from "@/lib/questions/kinds";
import { formatInZone } from "@/lib/events/time-zone";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { AnswerCountsChart } from "@/components/questions/AnswerCountsChart";
import { EMPTY_QUESTION, QuestionEditorForm } from "@/components/questions/QuestionEditorForm";
import { DeleteQuestionForm, MoveQuestionButtons } from "@/components/questions/QuestionRowActions";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { deleteQuestionAction, moveQuestionAction, saveQuestionAction } from "./actions";

export const metadata: Metadata = { title: "Questions" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuestionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/questions`);
  const [questions, counts, full, sp] = await Promise.all([
    eventQuestions(db, user.actor, event.id),
    answerCounts(db, user.actor, event.id),
    db.event.findUniqueOrThrow({
      where: { id: event.id },
      select: { tracks: { orderBy: { position: "asc" } }, sessionTypes: { orderBy: { position: "asc" } } },
    }),
    searchParams,
  ]);
  const rankingFilter = (value: string) => `/organize/${slug}/ranking?answer=${encodeURIComponent(value)}`;

  return (
    <div className="stack" style={{ maxWidth: 980 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="questions" />
      <div>
        <h1>Questions</h1>
        <p className="lead">Your own questions for {event.name}: asked in the proposal form, once per speaker, or in the review form.</p>
      </div>
      {sp.saved && (
        <p className="alert alert-success" role="status">
          Question saved.
        </p>
      )}
      <section className="card" aria-labelledby="list">
        <h2 id="list">Your questions</h2>
        {questions.length === 0 ? (
          <p className="muted">No questions yet. Add the first one below.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Asked of</th>
                  <th scope="col">Requirement</th>
                  <th scope="col">Answers</th>
                  <th scope="col">Order</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q, i) => (
                  <tr key={q.id}>
                    <th scope="row">
                      <Link href={`/organize/${slug}/questions/${q.id}`}>{q.question}</Link>
                      {(q.tracks.length > 0 || q.sessionTypes.length > 0) && (
                        <p className="hint flush">Only for {[...q.tracks, ...q.sessionTypes].map((x) => x.name).join(", ")}</p>
                      )}
                    </th>
                    <td>{VARIANT_LABELS[q.variant]}</td>
                    <td>{TARGET_LABELS[q.target]}</td>
                    <td>
                      {REQUIREMENT_LABELS[q.requirement]}
                      {q.deadline && ` (${formatInZone(q.deadline, event.timeZone)})`}
                      {q.freezeAfter && <p className="hint flush">Read-only from {formatInZone(q.freezeAfter, event.timeZone)}</p>}
                    </td>
                    <td>{q._count.answers}</td>
                    <td>
                      <MoveQuestionButtons
                        action={moveQuestionAction}
                        questionId={q.id}
                        label={q.question}
                        first={i === 0}
                        last={i === questions.length - 1}
                      />
                    </td>
                    <td>
                      <DeleteQuestionForm action={deleteQuestionAction} questionId={q.id} label={q.question} answers={q._count.answers} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {counts.length > 0 && (
        <section className="card stack" aria-labelledby="counts">
          <h2 id="counts">Answers so far</h2>
          <p className="muted">
            Over the proposals you may handle (drafts and your own proposals are not counted). Pick an answer to see those proposals in the
            ranking.
          </p>
          {counts.map((c) => (
            <AnswerCountsChart key={c.id} data={c} filterHref={rankingFilter} />
          ))}
        </section>
      )}
      <section className="card" aria-labelledby="add">
        <h2 id="add">Add a question</h2>
        <QuestionEditorForm
          action={saveQuestionAction.bind(null, { eventId: event.id, slug, questionId: null })}
          initial={EMPTY_QUESTION}
          tracks={full.tracks.map(({ id, name }) => ({ id, name }))}
          sessionTypes={full.sessionTypes.map(({ id, name }) => ({ id, name }))}
          timeZone={event.timeZone}
          submitLabel="Add question"
        />
      </section>
    </div>
  );
}
