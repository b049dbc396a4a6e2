const LEVEL_LABELS: Record<string, string> = {
  BEGINNER: "Beginner",
  INTERMEDIATE: "Intermediate",
  ADVANCED: "Advanced",
};

export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? level;
}

type Props = {
  sessionType: { name: string; durationMinutes?: number };
  track: { name: string } | null;
  level: string;
};

/** The facts a reviewer scores against: format, track and audience level. */
export function ReviewProposalFacts({ sessionType, track, level }: Props) {
  return (
    <dl className="details">
      <dt>Session type</dt>
      <dd>
        {sessionType.name}
        {sessionType.durationMinutes ? ` (${sessionType.durationMinutes} min)` : ""}
      </dd>
      <dt>Track</dt>
      <dd>{track?.name ?? "No track"}</dd>
      <dt>Level</dt>
      <dd>{levelLabel(level)}</dd>
    </dl>
  );
}
