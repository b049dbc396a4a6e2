import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/ui/Markdown";
import { formatSlot } from "@/lib/programme/format";
import { roomName } from "@/components/programme/schedule-view";
import { loadProgramme } from "../../_programme/load";
import { Branded } from "../../_programme/Branded";
import { PublicAnswers } from "@/components/programme/PublicAnswers";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; guid: string }> };

async function load(params: Props["params"]) {
  const { slug, guid } = await params;
  const p = await loadProgramme(slug);
  const item = p?.snapshot.items.find((i) => i.guid === guid && i.kind === "talk");
  return p && item ? { s: p.snapshot, item } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return { title: found ? `${found.item.title} · ${found.s.event.name}` : "Talk not found" };
}

/** A talk of the published programme: what it is, when and where, and who gives it (public profile fields only). */
export default async function TalkPage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { s, item } = found;
  const speakers = item.speakers.flatMap((c) => s.speakers.filter((x) => x.code === c));
  return (
    <Branded slug={s.event.slug} name={s.event.name}>
      <p className="muted">
        <Link href={`/events/${s.event.slug}/schedule`}>{s.event.name} schedule</Link>
      </p>
      <h1>{item.title}</h1>
      <dl className="details">
        <dt>When</dt>
        <dd>{formatSlot(new Date(item.start), item.durationMinutes, s.event.timeZone)}</dd>
        <dt>Where</dt>
        <dd>
          {roomName(s, item.roomGuid)}
          {s.event.venue && `, ${s.event.venue}`}
        </dd>
        <dt>Session type</dt>
        <dd>
          {item.sessionType}, {item.durationMinutes} minutes
        </dd>
        {item.track && (
          <>
            <dt>Track</dt>
            <dd>{item.track}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="abstract-heading">
        <h2 id="abstract-heading">Abstract</h2>
        <Markdown>{item.abstract}</Markdown>
      </section>
      <PublicAnswers answers={item.answers} headingId="answers-heading" />
      <section aria-labelledby="speakers-heading">
        <h2 id="speakers-heading">{speakers.length === 1 ? "Speaker" : "Speakers"}</h2>
        <ul>
          {speakers.map((sp) => (
            <li key={sp.code}>
              <Link href={`/events/${s.event.slug}/speakers/${sp.code}`}>{sp.name}</Link>
            </li>
          ))}
        </ul>
      </section>
    </Branded>
  );
}
