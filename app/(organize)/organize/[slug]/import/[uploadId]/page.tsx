import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { previewImport } from "@/lib/imports/run";
import { IMPORT_FORMAT_LABELS } from "@/lib/imports/types";
import { VARIANT_LABELS } from "@/lib/questions/kinds";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ActionButtonForm } from "@/components/ui/ActionButtonForm";
import { HeadedTable } from "@/components/ui/HeadedTable";
import { requireOrganizerEvent } from "../../../_lib/organizer-event";
import { runImportAction } from "../actions";

export const metadata: Metadata = { title: "Import preview" };

const STATUS_LABELS: Record<string, string> = {
  SUBMITTED: "Submitted",
  ACCEPTED: "Accepted",
  WAITLISTED: "Waitlisted",
  REJECTED: "Rejected",
  CONFIRMED: "Confirmed",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

const ASKED = { SUBMISSION: "asked of each proposal", SPEAKER: "asked of each speaker" } as const;

export default async function ImportPreviewPage({ params }: { params: Promise<{ slug: string; uploadId: string }> }) {
  const { slug, uploadId } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/import/${uploadId}`);
  const preview = await previewImport(db, user.actor, event.id, uploadId).catch((e: unknown) => {
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const { counts } = preview;
  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="import" />
      <div>
        <h1>Import preview</h1>
        <p className="lead">
          {preview.fileName} ({IMPORT_FORMAT_LABELS[preview.format]}): {counts.create} to create, {counts.skip} skipped;{" "}
          {counts.speakersCreated} new speakers, {counts.speakersMatched} already known. Nothing has been imported yet.
        </p>
        {preview.questions.length > 0 && (
          <p>
            Questions: {counts.questionsCreated} new, {counts.questionsMatched} already in this event; {counts.answers}{" "}
            {counts.answers === 1 ? "answer" : "answers"} to import.
          </p>
        )}
        {(preview.newSessionTypes.length > 0 || preview.newTracks.length > 0) && (
          <p>
            New session types: {preview.newSessionTypes.map((t) => `${t.name} (${t.durationMinutes} min)`).join(", ") || "none"}. New
            tracks: {preview.newTracks.join(", ") || "none"}.
          </p>
        )}
      </div>
      {preview.questions.length > 0 && (
        <section aria-labelledby="import-questions">
          <h2 id="import-questions">Questions</h2>
          <ul>
            {preview.questions.map((q) => (
              <li key={q.sourceId}>
                “{q.question}” ({VARIANT_LABELS[q.variant].toLowerCase()}, {ASKED[q.target]}) —{" "}
                {q.action === "create" ? "new question" : `this event's question (${q.matchedBy})`}, {q.answers}{" "}
                {q.answers === 1 ? "answer" : "answers"}
              </li>
            ))}
          </ul>
        </section>
      )}
      <HeadedTable columns={["Row", "Title", "What happens", "Status here", "Speakers"]}>
        {preview.rows.map((r) => (
          <tr key={`${r.path}-${r.sourceId}`}>
            <td>
              <code>{r.path}</code>
            </td>
            <td>{r.title}</td>
            <td>
              {r.action === "create" ? "Created" : r.reason}
              {r.answers > 0 && `, with ${r.answers} ${r.answers === 1 ? "answer" : "answers"}`}
              {r.answersInNotes > 0 && (
                <>
                  {" "}
                  <span className="muted">
                    ({r.answersInNotes} {r.answersInNotes === 1 ? "answer" : "answers"} without a question here kept in the notes)
                  </span>
                </>
              )}
            </td>
            <td>{r.status ? STATUS_LABELS[r.status] : "—"}</td>
            <td>
              <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                {r.speakers.map((s) => (
                  <li key={s.accountEmail}>
                    {s.name} {s.email ? `<${s.email}>` : <span className="muted">(no email in the file)</span>} —{" "}
                    {s.action === "create" ? "new" : "matched"}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </HeadedTable>
      {counts.create > 0 ? (
        <ActionButtonForm
          action={runImportAction.bind(null, event.id, slug)}
          fields={{ uploadId }}
          label={`Import ${counts.create} ${counts.create === 1 ? "proposal" : "proposals"}`}
          pendingText="Importing…"
          variant="primary"
        />
      ) : (
        <p className="muted">There is nothing new to import from this file.</p>
      )}
    </div>
  );
}
