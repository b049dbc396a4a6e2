const LABELS: Record<string, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  ACCEPTED: "Accepted",
  WAITLISTED: "Waitlisted",
  REJECTED: "Not accepted",
  CONFIRMED: "Confirmed",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

const PENDING: Record<string, string> = { ACCEPTED: "Accept", WAITLISTED: "Waitlist", REJECTED: "Reject" };

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{LABELS[status] ?? status}</span>;
}

/** An organizer's unpublished decision: visibly different from a published status. */
export function PendingBadge({ decision }: { decision: string | null }) {
  if (!decision) return null;
  return <span className="badge badge-pending">{PENDING[decision] ?? decision} (not published)</span>;
}
