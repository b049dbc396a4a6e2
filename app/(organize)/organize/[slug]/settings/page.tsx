import type { Metadata } from "next";
import { utcToZonedLocal } from "@/lib/events/time-zone";
import { EventForm, type EventFormValues } from "@/components/events/EventForm";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { timeZoneOptions } from "../../_lib/time-zones";
import { speakerCapAction, updateEventAction } from "./actions";
import { SpeakerCapForm } from "@/components/events/SpeakerCapForm";
import { db } from "@/lib/db";
import { loadBranding } from "@/lib/programme/branding/branding";
import { AccentColorForm, LogoForm } from "@/components/programme/BrandingForms";
import { accentColorAction, removeLogoAction, uploadLogoAction } from "./branding-actions";

export const metadata: Metadata = { title: "Event settings" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EventSettingsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/settings`);
  const branding = await loadBranding(db, user.actor, event.id);
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
      <section className="card stack" aria-labelledby="public-look">
        <h2 id="public-look">Public pages</h2>
        <p className="muted">An optional logo and accent colour for the public event, schedule, talk and speaker pages.</p>
        <LogoForm
          upload={uploadLogoAction.bind(null, event.id)}
          remove={removeLogoAction.bind(null, event.id)}
          logo={branding.logo}
          src={branding.logo && `/events/${event.slug}/logo/${branding.logo.hash}`}
        />
        <AccentColorForm action={accentColorAction.bind(null, event.id)} current={branding.accentColor} />
      </section>
    </div>
  );
}
