import { normalizeCode } from "@/lib/identifiers/public-code";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/ui/Markdown";
import { formatSlot } from "@/lib/programme/format";
import { loadProgramme } from "../../_programme/load";
import { Branded } from "../../_programme/Branded";
import { PublicAnswers } from "@/components/programme/PublicAnswers";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; code: string }> };

async function load(params: Props["params"]) {
  const { slug, code } = await params;
  const p = await loadProgramme(slug);
  const speaker = p?.snapshot.speakers.find((x) => x.code === normalizeCode(code));
  return p && speaker ? { s: p.snapshot, speaker } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return { title: found ? `${found.speaker.name} · ${found.s.event.name}` : "Speaker not found" };
}

/** A speaker of the published programme: public profile fields and their talks. */
export default async function SpeakerPage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { s, speaker } = found;
  const talks = s.items.filter((i) => i.speakers.includes(speaker.code));
  const links = [
    speaker.website && { href: speaker.website, label: "Website" },
    speaker.github && { href: `https://github.com/${speaker.github.replace(/^@/, "")}`, label: `GitHub: ${speaker.github}` },
  ].filter((l): l is { href: string; label: string } => !!l && /^https:\/\//.test(l.href));
  return (
    <Branded slug={s.event.slug} name={s.event.name}>
      <p className="muted">
        <Link href={`/events/${s.event.slug}/schedule`}>{s.event.name} schedule</Link>
      </p>
      <h1>{speaker.name}</h1>
      {speaker.bio && <Markdown>{speaker.bio}</Markdown>}
      <PublicAnswers answers={speaker.answers} headingId="answers-heading" />
      {(links.length > 0 || speaker.mastodon) && (
        <ul>
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} rel="nofollow noopener">
                {l.label}
              </a>
            </li>
          ))}
          {speaker.mastodon && <li>Mastodon: {speaker.mastodon}</li>}
        </ul>
      )}
      <section aria-labelledby="talks-heading">
        <h2 id="talks-heading">Talks</h2>
        <ul>
          {talks.map((t) => (
            <li key={t.guid}>
              <Link href={`/events/${s.event.slug}/talks/${t.guid}`}>{t.title}</Link>,{" "}
              {formatSlot(new Date(t.start), t.durationMinutes, s.event.timeZone)}
            </li>
          ))}
        </ul>
        <p>
          <a href={`/events/${s.event.slug}/speakers/${speaker.code}/schedule.ics`}>Add these talks to your calendar (.ics)</a>
        </p>
      </section>
    </Branded>
  );
}
