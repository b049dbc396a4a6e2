import type { Metadata } from "next";
import { utcToZonedLocal } from "@/lib/events/time-zone";
import { EventForm, type EventFormValues } from "@/components/events/EventForm";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { timeZoneOptions } from "../../_lib/time-zones";
import { speakerCapAction, updateEventAction } from "./actions";
import { SpeakerCapForm } from "@/components/events/SpeakerCapForm";

export const metadata: Metadata = { title: "Event settings" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EventSettingsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const { event } = await requireOrganizerEvent(slug, `/organize/${slug}/settings`);
  const initial: EventFormValues = {
    name: event.name,
    slug: event.slug,
    description: event.description,
    timeZone: event.timeZone,
    cfpOpensAt: utcToZonedLocal(event.cfpOpensAt, event.timeZone),
    cfpClosesAt: utcToZonedLocal(event.cfpClosesAt, event.timeZone),
    sessionTypes: event.sessionTypes.map((s) => ({ id: s.id, name: s.name, durationMinutes: String(s.durationMinutes) })),
    tracks: event.tracks.map((t) => ({ id: t.id, name: t.name })),
  };
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="settings" />
      <div>
        <h1>Settings</h1>
        <p className="lead">Session types and tracks used by a proposal cannot be removed, only renamed.</p>
      </div>
      {saved === "1" && (
        <p className="alert alert-success" role="status">
          Settings saved. The event&apos;s address is now /organize/{event.slug}.
        </p>
      )}
      <div className="card">
        <EventForm
          action={updateEventAction.bind(null, event.id, event.slug)}
          initial={initial}
          timeZones={timeZoneOptions(event.timeZone)}
          submitLabel="Save settings"
        />
      </div>
      <section className="card" aria-labelledby="submission-limits">
        <h2 id="submission-limits">Submission limit</h2>
        <SpeakerCapForm action={speakerCapAction.bind(null, event.id)} current={event.maxProposalsPerSpeaker} />
      </section>
    </div>
  );
}
