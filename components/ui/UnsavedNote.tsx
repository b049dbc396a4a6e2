/** Says, next to the save buttons, that the form holds input not saved yet; screen readers hear it once. */
export function UnsavedNote({ dirty }: { dirty: boolean }) {
  return (
    <p className="hint unsaved-note" role="status">
      {dirty ? "Unsaved changes" : ""}
    </p>
  );
}
