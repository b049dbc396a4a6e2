import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { loadConference } from "@/lib/programme/conference";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ConferenceForm } from "@/components/programme/ConferenceForm";
import { requireOrganizerEvent } from "../../../_lib/organizer-event";
import { conferenceAction } from "../actions";

export const metadata: Metadata = { title: "Conference days and rooms" };

type Props = { params: Promise<{ slug: string }> };

export default async function ConferencePage({ params }: Props) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/programme/conference`);
  const c = await loadConference(db, user.actor, event.id);
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="programme" />
      <div>
        <h1>Conference days and rooms</h1>
        <p className="lead">
          <Link href={`/organize/${slug}/programme`}>Back to the programme</Link>
        </p>
      </div>
      <div className="card">
        <ConferenceForm
          action={conferenceAction.bind(null, event.id, slug)}
          timeZone={c.timeZone}
          initial={{
            startsOn: c.conferenceStartsOn ?? "",
            endsOn: c.conferenceEndsOn ?? "",
            venue: c.venue,
            rooms: c.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity == null ? "" : String(r.capacity) })),
          }}
        />
      </div>
    </div>
  );
}
