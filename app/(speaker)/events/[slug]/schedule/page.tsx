import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { systemClock } from "@/lib/clock";
import { NowNext } from "@/components/programme/NowNext";
import { ScheduleDay } from "@/components/programme/ScheduleDay";
import { daysOf } from "@/components/programme/schedule-view";
import { loadProgramme } from "../_programme/load";
import { Branded } from "../_programme/Branded";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await loadProgramme((await params).slug);
  return { title: p ? `${p.snapshot.event.name}: schedule` : "Schedule not found" };
}

/** The public schedule: the latest release only; no sign-in. */
export default async function SchedulePage({ params }: Props) {
  const { slug } = await params;
  const p = await loadProgramme(slug);
  if (!p) notFound();
  const s = p.snapshot;
  return (
    <Branded slug={slug} name={s.event.name}>
      <header>
        <h1>{s.event.name}: schedule</h1>
        <p className="lead">
          {s.event.venue && <>{s.event.venue}. </>}Times are in {s.event.timeZone}. Release {p.version}.
        </p>
        <p>
          <Link href={`/events/${slug}`}>About the event</Link> · <Link href={`/events/${slug}/speakers`}>Speakers</Link> ·{" "}
          <a href={`/events/${slug}/schedule.ics`}>Calendar (.ics)</a> · <a href={`/events/${slug}/schedule.xml`}>schedule.xml</a> ·{" "}
          <a href={`/events/${slug}/schedule.json`}>schedule.json</a>
        </p>
      </header>
      <NowNext s={s} now={systemClock.now()} />
      {daysOf(s).map((d) => (
        <ScheduleDay key={d.day} s={s} d={d} />
      ))}
    </Branded>
  );
}
