import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { eventQuestions } from "@/lib/questions/organizer";
import { utcToZonedLocal } from "@/lib/events/time-zone";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { QuestionEditorForm } from "@/components/questions/QuestionEditorForm";
import { requireOrganizerEvent } from "../../../_lib/organizer-event";
import { saveQuestionAction } from "../actions";

export const metadata: Metadata = { title: "Edit a question" };

const str = (v: number | string | null) => (v == null ? "" : String(v));

export default async function EditQuestionPage({ params }: { params: Promise<{ slug: string; questionId: string }> }) {
  const { slug, questionId } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/questions/${questionId}`);
  const [questions, full] = await Promise.all([
    eventQuestions(db, user.actor, event.id),
    db.event.findUniqueOrThrow({
      where: { id: event.id },
      select: { tracks: { orderBy: { position: "asc" } }, sessionTypes: { orderBy: { position: "asc" } } },
    }),
  ]);
  const q = questions.find((x) => x.id === questionId);
  if (!q) notFound();
  const local = (d: Date | null) => (d ? utcToZonedLocal(d, event.timeZone) : "");

  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="questions" />
      <p>
        <Link href={`/organize/${slug}/questions`}>← All questions</Link>
      </p>
      <h1>Edit a question</h1>
      {q._count.answers > 0 && (
        <p className="alert alert-info">
          {q._count.answers} {q._count.answers === 1 ? "answer" : "answers"} so far: the kind cannot change, and removing an option removes
          it from the answers that picked it.
        </p>
      )}
      <div className="card">
        <QuestionEditorForm
          action={saveQuestionAction.bind(null, { eventId: event.id, slug, questionId: q.id })}
          initial={{
            target: q.target,
            variant: q.variant,
            question: q.question,
            helpText: q.helpText,
            requirement: q.requirement,
            deadline: local(q.deadline),
            freezeAfter: local(q.freezeAfter),
            minLength: str(q.minLength),
            maxLength: str(q.maxLength),
            minNumber: str(q.minNumber),
            maxNumber: str(q.maxNumber),
            minDate: str(q.minDate),
            maxDate: str(q.maxDate),
            minChoices: str(q.minChoices),
            maxChoices: str(q.maxChoices),
            options: q.options.map((o) => o.answer).join("\n"),
            trackIds: q.tracks.map((t) => t.id),
            sessionTypeIds: q.sessionTypes.map((s) => s.id),
            visibleToReviewers: q.visibleToReviewers,
            isPublic: q.isPublic,
            personalData: q.personalData,
          }}
          tracks={full.tracks.map(({ id, name }) => ({ id, name }))}
          sessionTypes={full.sessionTypes.map(({ id, name }) => ({ id, name }))}
          timeZone={event.timeZone}
          submitLabel="Save question"
        />
      </div>
    </div>
  );
}
