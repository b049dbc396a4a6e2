import Link from "next/link";
import type { ProgrammeSnapshot, SnapshotItem } from "@/lib/programme/snapshot";
import { speakerNames } from "./schedule-view";

/** One item of the public schedule: the talk's title as a link, its speakers and type; a block's title. */
export function ItemSummary({ s, item }: { s: ProgrammeSnapshot; item: SnapshotItem }) {
  if (item.kind === "block") return <span className="muted">{item.title}</span>;
  return (
    <>
      <Link href={`/events/${s.event.slug}/talks/${item.guid}`}>{item.title}</Link>
      <br />
      <span className="muted">
        {speakerNames(s, item).join(", ")} · {item.sessionType}
        {item.track ? ` · ${item.track}` : ""}
      </span>
    </>
  );
}
