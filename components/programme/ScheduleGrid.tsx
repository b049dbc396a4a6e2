"use client";
import { useRef, useState, useSyncExternalStore, useTransition } from "react";
import type { FormState } from "@/lib/forms/result";
import type { GridItem } from "@/lib/programme/grid";
import type { RoomOption } from "./SlotFields";
import type { TalkOption } from "./PlaceTalkForm";
import "./schedule-grid.css";

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;
type Dragged = { kind: "item"; item: GridItem } | { kind: "talk"; talk: TalkOption };
type Cell = { roomId: string; day: string; slot: string };
const noSubscription = () => () => {};
type Outcome = { text: string; ok: boolean; itemId?: string; proposalId?: string };

/**
 * The pointer way to build the schedule: drag a placed talk or block to
 * another room and time, or an unplaced talk from the list onto a cell. A
 * drop calls the same server actions as the forms (which stay the keyboard
 * way), snapped to the grid's slots; the outcome and the item's warnings are
 * announced in a live region.
 */
export function ScheduleGrid({
  days,
  rooms,
  items,
  candidates,
  warnings,
  place,
  move,
}: {
  days: readonly { day: string; label: string; slots: readonly string[] }[];
  rooms: readonly RoomOption[];
  items: readonly GridItem[];
  candidates: readonly TalkOption[];
  warnings: readonly { itemIds: readonly string[]; message: string }[];
  place: Action;
  move: Action;
}) {
  const [dragged, setDraggedState] = useState<Dragged | null>(null);
  // Read by dragover and drop, which may run before React renders the drag's start.
  const draggedRef = useRef<Dragged | null>(null);
  const setDragged = (d: Dragged | null) => {
    draggedRef.current = d;
    setDraggedState(d);
  };
  // Nothing is draggable before hydration: a drag would find no handlers.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [over, setOver] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const keyOf = (c: Cell) => `${c.day}|${c.slot}|${c.roomId}`;
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? "";
  const dayLabel = (day: string) => days.find((d) => d.day === day)?.label ?? day;

  function drop(cell: Cell) {
    const what = draggedRef.current;
    setDragged(null);
    setOver(null);
    if (!what || pending) return;
    const fd = new FormData();
    fd.set("roomId", cell.roomId);
    fd.set("start", `${cell.day}T${cell.slot}`);
    const where = `${roomName(cell.roomId)}, ${dayLabel(cell.day)} at ${cell.slot}`;
    if (what.kind === "item") {
      if (what.item.roomId === cell.roomId && what.item.day === cell.day && what.item.slot === cell.slot) return;
      fd.set("itemId", what.item.id);
      fd.set("durationMinutes", String(what.item.durationMinutes));
    } else {
      fd.set("proposalId", what.talk.id);
      fd.set("durationMinutes", "");
    }
    const title = what.kind === "item" ? what.item.title : what.talk.title;
    startTransition(async () => {
      const r = await (what.kind === "item" ? move : place)({}, fd);
      const problem = [r.formError, ...Object.values(r.fieldErrors ?? {}).flat()].filter(Boolean).join(" ");
      setOutcome(
        r.ok
          ? {
              ok: true,
              text: `“${title}” ${what.kind === "item" ? "moved" : "placed"}: ${where}.`,
              ...(what.kind === "item" ? { itemId: what.item.id } : { proposalId: what.talk.id }),
            }
          : { ok: false, text: `“${title}” was not ${what.kind === "item" ? "moved" : "placed"}: ${problem}` },
      );
    });
  }

  // The moved or placed item's warnings, read from the refreshed schedule.
  const outcomeItem = outcome?.itemId ?? items.find((i) => outcome?.proposalId && i.proposalId === outcome.proposalId)?.id;
  const outcomeWarnings = outcome?.ok && outcomeItem ? warnings.filter((w) => w.itemIds.includes(outcomeItem)) : [];
  const warned = new Set(warnings.flatMap((w) => w.itemIds));

  const dragProps = (d: Dragged, label: string) => ({
    draggable: hydrated,
    title: `Drag “${label}” to a room and time`,
    onDragStart: (e: React.DragEvent) => {
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", label);
      setDragged(d);
    },
    onDragEnd: () => {
      setDragged(null);
      setOver(null);
    },
  });

  return (
    <div className={`schedule-editor${dragged ? " is-dragging" : ""}`}>
      <div role="status" aria-live="polite" className="grid-outcome">
        {pending && <p className="muted">Saving…</p>}
        {outcome && !pending && (
          <div className={`alert ${outcome.ok ? (outcomeWarnings.length ? "alert-warn" : "alert-success") : "alert-error"}`}>
            <p>{outcome.text}</p>
            {outcomeWarnings.length > 0 && (
              <ul>
                {outcomeWarnings.map((w) => (
                  <li key={w.message}>Warning: {w.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div className="grid-unplaced">
        <h3 id="unplaced-heading">Talks to place ({candidates.length})</h3>
        {candidates.length === 0 ? (
          <p className="muted">Every confirmed and accepted talk is placed.</p>
        ) : (
          <ul>
            {candidates.map((t) => (
              <li key={t.id}>
                <div className="grid-item grid-talk" {...dragProps({ kind: "talk", talk: t }, t.title)}>
                  <strong>{t.title}</strong>
                  <br />
                  <span className="muted">
                    {t.sessionType}, {t.minutes} min
                  </span>
                  {!t.confirmed && <span className="badge badge-pending">Not confirmed</span>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="grid-days">
        {days.map((d) => (
          <div key={d.day} className="table-wrap">
            <table className="grid-table">
              <caption>{d.label}: rooms by start time, in slots of 15 minutes</caption>
              <thead>
                <tr>
                  <th scope="col">Start</th>
                  {rooms.map((r) => (
                    <th scope="col" key={r.id}>
                      {r.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.slots.map((slot) => (
                  <tr key={slot}>
                    <th scope="row">{slot}</th>
                    {rooms.map((r) => {
                      const cell = { roomId: r.id, day: d.day, slot };
                      const key = keyOf(cell);
                      const here = items.filter((i) => i.day === d.day && i.slot === slot && i.roomId === r.id);
                      return (
                        <td
                          key={r.id}
                          data-cell={`${r.name} ${d.day}T${slot}`}
                          className={over === key ? "drop-target" : undefined}
                          onDragOver={(e) => {
                            if (!draggedRef.current) return;
                            e.preventDefault();
                            e.dataTransfer.dropEffect = "move";
                            if (over !== key) setOver(key);
                          }}
                          onDragLeave={() => setOver((o) => (o === key ? null : o))}
                          onDrop={(e) => {
                            e.preventDefault();
                            drop(cell);
                          }}
                        >
                          {over === key && dragged && <span className="drop-hint">{`${r.name}, ${slot}`}</span>}
                          {here.map((i) => (
                            <div
                              key={i.id}
                              className={`grid-item${i.proposalId ? "" : " grid-block"}`}
                              {...(i.editable ? dragProps({ kind: "item", item: i }, i.title) : {})}
                            >
                              <strong>{i.range}</strong> {i.title}
                              {!i.proposalId && <span className="badge">Block</span>}
                              {i.status === "ACCEPTED" && <span className="badge badge-pending">Not confirmed</span>}
                              {warned.has(i.id) && <span className="badge badge-declined">Warning</span>}
                            </div>
                          ))}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </div>
  );
}
