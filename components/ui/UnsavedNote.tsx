"use client";
import type { Restored } from "./useUnsavedChanges";

const time = (d: Date) => d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/**
 * Next to the save buttons: whether the form holds input not saved yet, and
 * when it was last kept in this tab. aria-live, so screen readers hear it.
 */
export function UnsavedNote({ dirty, keptAt }: { dirty: boolean; keptAt?: Date | null }) {
  return (
    <p className="hint unsaved-note" aria-live="polite">
      {dirty ? (keptAt ? `Unsaved changes, kept in this tab at ${time(keptAt)}` : "Unsaved changes") : ""}
    </p>
  );
}

/** Above the form, when input kept from an earlier visit was put back. */
export function RestoredNotice({ restored, onDiscard }: { restored: Restored | null; onDiscard: () => void }) {
  if (!restored) return null;
  return (
    <div className="alert alert-info">
      <p>
        We put back what you typed here at {time(restored.keptAt)} and had not saved.
        {restored.stale && " It has been saved by someone since (another tab or a co-speaker): check the text before you save."}
      </p>
      <button type="button" className="btn btn-secondary" onClick={onDiscard}>
        Discard what was put back
      </button>
    </div>
  );
}
