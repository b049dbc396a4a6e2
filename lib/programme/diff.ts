import type { ProgrammeSnapshot, SnapshotItem } from "./snapshot";

// The changes between two releases (or a release and the working schedule),
// matched by guid: a moved talk keeps its guid, so it shows as moved.

export type SlotChange =
  | { kind: "added"; guid: string; title: string; after: SnapshotItem }
  | { kind: "removed"; guid: string; title: string; before: SnapshotItem }
  | { kind: "moved"; guid: string; title: string; before: SnapshotItem; after: SnapshotItem }
  | { kind: "renamed"; guid: string; title: string; before: SnapshotItem; after: SnapshotItem };

const slotOf = (i: SnapshotItem) => `${i.roomGuid}|${i.start}|${i.durationMinutes}`;

export function diffSnapshots(before: ProgrammeSnapshot | null, after: ProgrammeSnapshot): SlotChange[] {
  const old = new Map((before?.items ?? []).map((i) => [i.guid, i]));
  const changes: SlotChange[] = [];
  for (const a of after.items) {
    const b = old.get(a.guid);
    old.delete(a.guid);
    if (!b) changes.push({ kind: "added", guid: a.guid, title: a.title, after: a });
    else if (slotOf(a) !== slotOf(b)) changes.push({ kind: "moved", guid: a.guid, title: a.title, before: b, after: a });
    else if (a.title !== b.title) changes.push({ kind: "renamed", guid: a.guid, title: a.title, before: b, after: a });
  }
  for (const b of old.values()) changes.push({ kind: "removed", guid: b.guid, title: b.title, before: b });
  return changes;
}

/** Whether anything public differs (rooms, event details or items). */
export function sameProgramme(a: ProgrammeSnapshot | null, b: ProgrammeSnapshot): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
