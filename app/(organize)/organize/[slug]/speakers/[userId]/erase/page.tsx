import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { speakerErasurePreview } from "@/lib/own-data/erase";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ActionButtonForm } from "@/components/ui/ActionButtonForm";
import { requireOrganizerEvent } from "../../../../_lib/organizer-event";
import { eraseSpeakerAction } from "./actions";

export const metadata: Metadata = { title: "Erase a speaker's data" };

const OUTCOMES: Record<string, string> = {
  deleted: "deleted",
  withdrawn: "withdrawn, then kept without the speaker's name",
  anonymized: "kept without the speaker's name",
  "kept by co-speakers": "stays with the co-speakers",
};

export default async function EraseSpeakerPage({ params }: { params: Promise<{ slug: string; userId: string }> }) {
  const { slug, userId } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/speakers/${userId}/erase`);
  const preview = await speakerErasurePreview(db, user.actor, event.id, userId).catch((e: unknown) => {
    if (isDomainError(e) && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="proposals" />
      <h1>Erase {preview.speaker.name ?? preview.speaker.email}&apos;s data</h1>
      <p className="lead">
        Only on the speaker&apos;s request. Their account is erased everywhere in this app, by the same rule as when they delete it
        themselves: profile, name, address and sign-in methods go; their proposals follow the rule below.
      </p>
      <ul>
        {preview.proposals.map((p) => (
          <li key={p.id}>
            {p.title}: {OUTCOMES[p.outcome]}
          </li>
        ))}
      </ul>
      {preview.onATeam ? (
        <p className="alert alert-error">
          This person is on an event&apos;s team; they can delete their account themselves from their profile.
        </p>
      ) : (
        <ActionButtonForm
          action={eraseSpeakerAction.bind(null, event.id, slug)}
          fields={{ speakerId: userId }}
          label="Erase this speaker"
          pendingText="Erasing…"
          variant="danger"
        />
      )}
    </div>
  );
}
