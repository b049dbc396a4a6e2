import type { Metadata } from "next";
import { db } from "@/lib/db";
import { eventTags } from "@/lib/tags/queries";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ActionButtonForm } from "@/components/ui/ActionButtonForm";
import { TagBadges } from "@/components/tags/TagBadges";
import { TagForm } from "@/components/tags/TagForm";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { createTagAction, deleteTagAction, updateTagAction } from "./actions";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/tags`);
  const tags = await eventTags(db, user.actor, event.id);
  return (
    <div className="stack" style={{ maxWidth: 860 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="tags" />
      <div>
        <h1>Tags</h1>
        <p className="lead">
          Label proposals for your team: tag them one by one on the proposal page, or several at once from the proposal list and the
          ranking. Internal tags are for organizers only; public tags are shown to reviewers too.
        </p>
      </div>
      <section className="card" aria-labelledby="new-tag">
        <h2 id="new-tag">New tag</h2>
        <TagForm action={createTagAction.bind(null, event.id)} submitLabel="Create tag" />
      </section>
      <section aria-labelledby="event-tags">
        <h2 id="event-tags">This event&apos;s tags</h2>
        {tags.length === 0 ? (
          <p className="muted">No tags yet.</p>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {tags.map((t) => (
              <li key={t.id} className="card">
                <TagBadges tags={[t]} /> <span className="muted">{t.public ? "Public" : "Internal"}</span>
                <TagForm action={updateTagAction.bind(null, event.id, t.id)} tag={t} submitLabel="Save" />
                <ActionButtonForm
                  action={deleteTagAction.bind(null, event.id, t.id)}
                  label={`Delete “${t.name}”`}
                  variant="danger"
                  pendingText="Deleting…"
                  explanation="Deleting a tag removes it from every proposal."
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
