import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/sign-in/session";
import { cfpState, timeLeft } from "@/lib/events/cfp";
import { ZonedTime } from "@/components/ui/ZonedTime";
import { CfpBadge } from "@/components/events/CfpBadge";
import { Markdown } from "@/components/ui/Markdown";
import { cfpSummary } from "../../cfp-text";
import { loadPublicEvent } from "./load-event";
import { loadProgramme } from "./_programme/load";
import { Branded } from "./_programme/Branded";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadPublicEvent((await params).slug);
  return { title: event ? `${event.name}: call for papers` : "Event not found" };
}

export default async function EventCfpPage({ params }: Props) {
  const { slug } = await params;
  const [event, user, programme] = await Promise.all([loadPublicEvent(slug), currentUser(), loadProgramme(slug)]);
  if (!event) notFound();
  const state = cfpState(event);
  const left = timeLeft(event);
  const submitPath = `/events/${event.slug}/submit`;
  const submitHref = user ? submitPath : `/signin?callbackUrl=${encodeURIComponent(submitPath)}`;

  return (
    <Branded slug={event.slug} name={event.name}>
      <header className="page-head">
        <div>
          <h1>{event.name}</h1>
          <CfpBadge state={state} />
        </div>
        {state === "open" && (
          <div>
            <Link href={submitHref} className="btn btn-primary">
              Submit a proposal
            </Link>
            {!user && <p className="muted">You will be asked to sign in first.</p>}
          </div>
        )}
      </header>

      {programme && (
        <section className="card" aria-labelledby="programme-heading">
          <h2 id="programme-heading">Programme</h2>
          <p>
            {programme.snapshot.items.filter((i) => i.kind === "talk").length} talks
            {programme.snapshot.event.venue && ` at ${programme.snapshot.event.venue}`}.{" "}
            <Link href={`/events/${event.slug}/schedule`}>See the schedule</Link> ·{" "}
            <Link href={`/events/${event.slug}/speakers`}>Speakers</Link>
          </p>
        </section>
      )}

      <section className="card" aria-labelledby="cfp-heading">
        <h2 id="cfp-heading">Call for papers</h2>
        <p>
          {cfpSummary(event)}
          {left && <strong> {left}.</strong>}
        </p>
        <dl className="details">
          <dt>Opens</dt>
          <dd>
            <ZonedTime iso={event.cfpOpensAt.toISOString()} timeZone={event.timeZone} />
          </dd>
          <dt>Closes</dt>
          <dd>
            <ZonedTime iso={event.cfpClosesAt.toISOString()} timeZone={event.timeZone} />
          </dd>
        </dl>
      </section>

      {event.description && (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">About the event</h2>
          <Markdown>{event.description}</Markdown>
        </section>
      )}

      <section aria-labelledby="formats-heading">
        <h2 id="formats-heading">Session types</h2>
        {event.sessionTypes.length === 0 ? (
          <p className="muted">The organizers have not listed session types yet.</p>
        ) : (
          <ul>
            {event.sessionTypes.map((s) => (
              <li key={s.id}>
                {s.name}: {s.durationMinutes} minutes
              </li>
            ))}
          </ul>
        )}
      </section>

      {event.tracks.length > 0 && (
        <section aria-labelledby="tracks-heading">
          <h2 id="tracks-heading">Tracks</h2>
          <ul>
            {event.tracks.map((t) => (
              <li key={t.id}>{t.name}</li>
            ))}
          </ul>
        </section>
      )}
    </Branded>
  );
}
