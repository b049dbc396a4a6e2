import type { SlotChange } from "@/lib/programme/diff";
import type { SnapshotItem } from "@/lib/programme/snapshot";
import { formatSlot } from "@/lib/programme/format";

const slot = (i: SnapshotItem, tz: string) => formatSlot(new Date(i.start), i.durationMinutes, tz);

/** The changes between two releases, one line each. */
export function ChangeList({ changes, timeZone }: { changes: readonly SlotChange[]; timeZone: string }) {
  if (changes.length === 0) return <p className="muted">No changes.</p>;
  return (
    <ul>
      {changes.map((c) => (
        <li key={`${c.kind}-${c.guid}`}>
          {c.kind === "added" && `Added: ${c.title}, ${slot(c.after, timeZone)}`}
          {c.kind === "removed" && `Removed: ${c.title}`}
          {c.kind === "moved" && `Moved: ${c.title}, from ${slot(c.before, timeZone)} to ${slot(c.after, timeZone)}`}
          {c.kind === "renamed" && `Renamed: ${c.before.title} is now ${c.title}`}
        </li>
      ))}
    </ul>
  );
}
