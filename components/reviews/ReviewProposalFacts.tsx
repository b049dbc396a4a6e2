import { LEVEL_LABELS } from "@/lib/text/proposal-limits";
import { Markdown } from "@/components/ui/Markdown";

export function levelLabel(level: string | null): string {
  if (!level) return "—";
  return LEVEL_LABELS[level as keyof typeof LEVEL_LABELS] ?? level;
}

type Props = {
  sessionType: { name: string; durationMinutes?: number } | null;
  track: { name: string } | null;
  level: string | null;
};

/** The facts a reviewer scores against: format, track and audience level. */
export function ReviewProposalFacts({ sessionType, track, level }: Props) {
  return (
    <dl className="details">
      <dt>Session type</dt>
      <dd>
        {sessionType?.name ?? "—"}
        {sessionType?.durationMinutes ? ` (${sessionType.durationMinutes} min)` : ""}
      </dd>
      <dt>Track</dt>
      <dd>{track?.name ?? "No track"}</dd>
      <dt>Level</dt>
      <dd>{levelLabel(level)}</dd>
    </dl>
  );
}

/** What the review team reads: the facts, the abstract and the notes, as the speaker wrote them. */
export function ReviewProposalBody({ proposal }: { proposal: Props & { abstract: string; notes: string } }) {
  return (
    <>
      <ReviewProposalFacts sessionType={proposal.sessionType} track={proposal.track} level={proposal.level} />
      <h2>Abstract</h2>
      <Markdown>{proposal.abstract}</Markdown>
      <h2>Notes for reviewers</h2>
      {proposal.notes.trim() ? <Markdown>{proposal.notes}</Markdown> : <p className="muted">No notes.</p>}
    </>
  );
}
