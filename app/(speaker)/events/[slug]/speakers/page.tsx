import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadProgramme } from "../_programme/load";
import { Branded } from "../_programme/Branded";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Speakers" };

/** The speakers of the published programme. */
export default async function SpeakersPage({ params }: Props) {
  const { slug } = await params;
  const p = await loadProgramme(slug);
  if (!p) notFound();
  const s = p.snapshot;
  return (
    <Branded slug={slug} name={s.event.name}>
      <p className="muted">
        <Link href={`/events/${slug}/schedule`}>{s.event.name} schedule</Link>
      </p>
      <h1>Speakers</h1>
      <ul>
        {s.speakers.map((sp) => (
          <li key={sp.code}>
            <Link href={`/events/${slug}/speakers/${sp.code}`}>{sp.name}</Link>
          </li>
        ))}
      </ul>
    </Branded>
  );
}
