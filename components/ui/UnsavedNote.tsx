/** Says, next to the save buttons, that the form holds input not saved yet; screen readers hear it (aria-live). */
export function UnsavedNote({ dirty }: { dirty: boolean }) {
  return (
    <p className="hint unsaved-note" aria-live="polite">
      {dirty ? "Unsaved changes" : ""}
    </p>
  );
}
