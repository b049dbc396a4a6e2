import { Markdown } from "@/components/ui/Markdown";

type Speaker = {
  role: string;
  user: {
    name: string | null;
    /** Shown to organizers only: reviewers of an open (non-blind) event see the public profile. */
    email?: string;
    profile: { bio: string; company: string; location: string; website: string; github: string; mastodon: string } | null;
  };
};

/** A speaker's public profile, plus their email for organizers. */
export function SpeakerProfileCard({ speaker }: { speaker: Speaker }) {
  const { user } = speaker;
  const p = user.profile;
  return (
    <article className="card">
      <h3 style={{ marginTop: 0 }}>
        {user.name || user.email || "Unnamed speaker"}
        {speaker.role === "COSPEAKER" && <span className="muted"> (co-speaker)</span>}
      </h3>
      <dl className="details">
        {user.email && (
          <>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${user.email}`}>{user.email}</a>
            </dd>
          </>
        )}
        {p?.company && (
          <>
            <dt>Company</dt>
            <dd>{p.company}</dd>
          </>
        )}
        {p?.location && (
          <>
            <dt>Location</dt>
            <dd>{p.location}</dd>
          </>
        )}
        {p?.website && /^https?:\/\//i.test(p.website) && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={p.website} rel="nofollow noopener noreferrer">
                {p.website}
              </a>
            </dd>
          </>
        )}
        {p?.github && (
          <>
            <dt>GitHub</dt>
            <dd>
              <a href={`https://github.com/${encodeURIComponent(p.github)}`} rel="nofollow noopener noreferrer">
                {p.github}
              </a>
            </dd>
          </>
        )}
        {p?.mastodon && (
          <>
            <dt>Mastodon</dt>
            <dd>{p.mastodon}</dd>
          </>
        )}
      </dl>
      {p?.bio ? <Markdown>{p.bio}</Markdown> : <p className="muted">No bio yet.</p>}
    </article>
  );
}
