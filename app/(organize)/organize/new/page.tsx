import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { mayCreateEvents, NOT_AN_EVENT_CREATOR } from "@/lib/events/creators";
import { EventForm, type EventFormValues } from "@/components/events/EventForm";
import { timeZoneOptions } from "../_lib/time-zones";
import { createEventAction } from "./actions";

export const metadata: Metadata = { title: "Create an event" };

const BLANK_EVENT: EventFormValues = {
  name: "",
  slug: "",
  description: "",
  timeZone: "UTC",
  cfpOpensAt: "",
  cfpClosesAt: "",
  sessionTypes: [{ name: "Talk", durationMinutes: "30" }],
  tracks: [],
};

export default async function NewEventPage() {
  const user = await requirePageUser("/organize/new");
  const allowed = await mayCreateEvents(db, user.id);
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <p>
        <Link href="/organize">← Your events</Link>
      </p>
      <div>
        <h1>Create an event</h1>
        {allowed && <p className="lead">You become its organizer and can invite reviewers and co-organizers next.</p>}
      </div>
      {allowed ? (
        <div className="card">
          <EventForm action={createEventAction} initial={BLANK_EVENT} timeZones={timeZoneOptions()} submitLabel="Create event" fresh />
        </div>
      ) : (
        <p className="alert alert-info" role="status">
          {NOT_AN_EVENT_CREATOR}
        </p>
      )}
    </div>
  );
}
