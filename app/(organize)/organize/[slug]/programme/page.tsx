import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms/result";
import { utcToZonedLocal } from "@/lib/events/time-zone";
import { loadScheduleEditor } from "@/lib/programme/editor";
import { releaseHistory } from "@/lib/programme/release";
import { formatDay } from "@/lib/programme/format";
import { localDay, localTime, addMinutes, dayStart } from "@/lib/programme/days";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ActionButtonForm } from "@/components/ui/ActionButtonForm";
import { AddBlockForm } from "@/components/programme/AddBlockForm";
import { MoveItemForm } from "@/components/programme/MoveItemForm";
import { PlaceTalkForm } from "@/components/programme/PlaceTalkForm";
import { PublishForm } from "@/components/programme/PublishForm";
import { ChangeList } from "@/components/programme/ChangeList";
import { ScheduleGrid } from "@/components/programme/ScheduleGrid";
import { scheduleGrid } from "@/lib/programme/grid";
import { formatInZone } from "@/lib/dates";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { addBlockAction, moveItemAction, placeTalkAction, publishAction, removeItemAction } from "./actions";

export const metadata: Metadata = { title: "Programme" };

type Props = { params: Promise<{ slug: string }> };

export default async function ProgrammePage({ params }: Props) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/programme`);
  const [editor, history] = await Promise.all([loadScheduleEditor(db, user.actor, event.id), releaseHistory(db, user.actor, event.id)]);
  const tz = editor.timeZone;
  const bind = (action: (eventId: string, slug: string, prev: FormState, fd: FormData) => Promise<FormState>) =>
    action.bind(null, event.id, slug);
  const bounds = editor.days.length
    ? { min: `${editor.days[0]}T08:00`, max: `${editor.days[editor.days.length - 1]}T23:55` }
    : { min: undefined, max: undefined };
  const warned = new Set(editor.warnings.flatMap((w) => w.itemIds));
  const days = [...new Set([...editor.days, ...editor.items.map((i) => localDay(i.startsAt, tz))])].sort();
  const roomOptions = editor.rooms.map((r) => ({ id: r.id, name: r.name }));
  const talkOptions = editor.candidates.map((c) => ({
    id: c.id,
    title: c.title,
    confirmed: c.status === "CONFIRMED",
    sessionType: c.sessionType?.name ?? "No session type",
    // Submitted proposals carry a session type; 30 minutes only pre-fills the form otherwise.
    minutes: c.sessionType?.durationMinutes ?? 30,
  }));
  const grid = scheduleGrid(editor.days, editor.items, tz);

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="programme" />
      <header className="page-head">
        <div>
          <h1>Programme</h1>
          <p className="lead">
            Times are in {tz}. {editor.latestVersion ? `Release ${editor.latestVersion} is public.` : "Nothing is public yet."}{" "}
            <Link href={`/organize/${slug}/programme/conference`}>Conference days and rooms</Link>
            {editor.latestVersion > 0 && (
              <>
                {" · "}
                <Link href={`/events/${slug}/schedule`}>Public schedule</Link>
              </>
            )}
          </p>
        </div>
      </header>

      {editor.rooms.length === 0 || editor.days.length === 0 ? (
        <p className="alert alert-info">
          Set the conference days and add rooms first:{" "}
          <Link href={`/organize/${slug}/programme/conference`}>conference days and rooms</Link>.
        </p>
      ) : null}

      <section aria-labelledby="warnings-heading" className="card">
        <h2 id="warnings-heading">Warnings ({editor.warnings.length})</h2>
        {editor.warnings.length === 0 ? (
          <p className="muted">No overlaps, clashes or mismatches.</p>
        ) : (
          <ul>
            {editor.warnings.map((w, i) => (
              <li key={i} className="alert alert-warn">
                {w.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      {editor.rooms.length > 0 && (
        <div className="row" style={{ alignItems: "flex-start" }}>
          <section aria-labelledby="place-heading" className="card" style={{ flex: "1 1 22rem" }}>
            <h2 id="place-heading">Place a talk</h2>
            {editor.candidates.length === 0 ? (
              <p className="muted">Every confirmed and accepted talk is placed.</p>
            ) : (
              <PlaceTalkForm action={bind(placeTalkAction)} rooms={roomOptions} bounds={bounds} talks={talkOptions} />
            )}
          </section>
          <section aria-labelledby="block-heading" className="card" style={{ flex: "1 1 22rem" }}>
            <h2 id="block-heading">Add a break or other block</h2>
            <AddBlockForm action={bind(addBlockAction)} rooms={roomOptions} bounds={bounds} />
          </section>
        </div>
      )}

      {editor.rooms.length > 0 && grid.days.length > 0 && (
        <section aria-labelledby="grid-heading">
          <h2 id="grid-heading">Schedule grid</h2>
          <p className="hint">
            With a mouse or pen, drag a talk from the list, or a placed talk or block, onto a room and start time (slots of 15 minutes; a
            talk keeps its length). From the keyboard, use the forms above and “Move or remove” below: they do the same.
          </p>
          <ScheduleGrid
            days={grid.days.map((d) => ({ ...d, label: formatDay(dayStart(d.day, tz), tz) }))}
            rooms={roomOptions}
            items={grid.items}
            candidates={talkOptions}
            warnings={editor.warnings}
            place={bind(placeTalkAction)}
            move={bind(moveItemAction)}
          />
        </section>
      )}

      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">Working schedule</h2>
        {editor.items.length === 0 && <p className="muted">Nothing placed yet.</p>}
        {days.map((day) => {
          const dayItems = editor.items.filter((i) => localDay(i.startsAt, tz) === day);
          if (dayItems.length === 0) return null;
          return (
            <section key={day} aria-labelledby={`day-${day}`} className="stack">
              <h3 id={`day-${day}`}>
                {formatDay(dayStart(day, tz), tz)}
                {!editor.days.includes(day) && " (outside the conference days)"}
              </h3>
              <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
                {dayItems.map((i) => {
                  const title = i.talk?.title ?? i.title;
                  return (
                    <li key={i.id} className="card">
                      <p>
                        <strong>
                          {localTime(i.startsAt, tz)}–{localTime(addMinutes(i.startsAt, i.durationMinutes), tz)}
                        </strong>{" "}
                        {i.roomName}: {title} {!i.talk && <span className="badge">Block</span>}{" "}
                        {i.talk?.status === "ACCEPTED" && <span className="badge badge-pending">Not confirmed</span>}{" "}
                        {i.talk && i.talk.status !== "ACCEPTED" && i.talk.status !== "CONFIRMED" && (
                          <span className="badge badge-withdrawn">{i.talk.status.toLowerCase()}</span>
                        )}{" "}
                        {warned.has(i.id) && <span className="badge badge-declined">Warning</span>}
                      </p>
                      {i.talk && <p className="muted">{i.talk.speakers.map((s) => s.name).join(", ")}</p>}
                      {i.editable ? (
                        <details>
                          <summary>Move or remove “{title}”</summary>
                          <MoveItemForm
                            action={bind(moveItemAction)}
                            itemId={i.id}
                            title={title}
                            rooms={roomOptions}
                            bounds={bounds}
                            current={{
                              roomId: i.roomId,
                              start: utcToZonedLocal(i.startsAt, tz),
                              durationMinutes: String(i.durationMinutes),
                            }}
                          />
                          <ActionButtonForm
                            action={bind(removeItemAction)}
                            fields={{ itemId: i.id }}
                            label={`Remove “${title}” from the schedule`}
                            variant="danger"
                          />
                        </details>
                      ) : (
                        <p className="muted">You speak on this talk: another organizer schedules it.</p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="publish-heading" className="card">
        <h2 id="publish-heading">Publish</h2>
        <p>
          Public pages and exports show the latest release only. Speakers whose talk is new or moved get an email with the slot as a
          calendar file. Accepted talks that are not confirmed are left out.
        </p>
        <h3>Changes since {editor.latestVersion ? `release ${editor.latestVersion}` : "nothing was published"}</h3>
        <ChangeList changes={editor.unpublished} timeZone={tz} />
        <PublishForm action={bind(publishAction)} nextVersion={editor.latestVersion + 1} />
      </section>

      {history.length > 0 && (
        <section aria-labelledby="releases-heading">
          <h2 id="releases-heading">Releases</h2>
          {history.map((r) => (
            <article key={r.version} className="card" aria-labelledby={`release-${r.version}`}>
              <h3 id={`release-${r.version}`}>
                Release {r.version} <span className="muted">({formatInZone(r.publishedAt, event.timeZone)})</span>
              </h3>
              {r.note && <p>{r.note}</p>}
              <ChangeList changes={r.changes} timeZone={tz} />
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
