import { formatInZone } from "@/lib/events/time-zone";
import { LEVEL_LABELS } from "@/lib/text/proposal-limits";
import type { getSpeakerProposal } from "@/lib/proposals/speaker-queries";
import { Markdown } from "@/components/ui/Markdown";

type Props = Awaited<ReturnType<typeof getSpeakerProposal>>;

/** The proposal as reviewers will read it. Speakers are listed by the co-speakers section. */
export function ProposalDetails({ proposal, sessionTypes, tracks }: Props) {
  const sessionType = sessionTypes.find((s) => s.id === proposal.sessionTypeId);
  const track = tracks.find((t) => t.id === proposal.trackId);
  const tz = proposal.event.timeZone;
  return (
    <section className="card" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">Your proposal</h2>
      <dl className="details">
        <dt>Session type</dt>
        <dd>{sessionType ? `${sessionType.name} (${sessionType.durationMinutes} min)` : "Not chosen yet"}</dd>
        {tracks.length > 0 && (
          <>
            <dt>Track</dt>
            <dd>{track?.name ?? "No preference"}</dd>
          </>
        )}
        <dt>Level</dt>
        <dd>{proposal.level ? LEVEL_LABELS[proposal.level] : "Not chosen yet"}</dd>
        <dt>Submitted</dt>
        <dd>{proposal.submittedAt ? formatInZone(proposal.submittedAt, tz) : "Not yet"}</dd>
        <dt>Last updated</dt>
        <dd>{formatInZone(proposal.updatedAt, tz)}</dd>
      </dl>
      <h3>Abstract</h3>
      <Markdown>{proposal.abstract}</Markdown>
      {proposal.notes && (
        <>
          <h3>Notes for reviewers</h3>
          <p style={{ whiteSpace: "pre-wrap" }}>{proposal.notes}</p>
        </>
      )}
    </section>
  );
}
