const BADGES: Record<string, { label: string; className: string }> = {
  PENDING: { label: "Pending", className: "badge-pending" },
  ACCEPTED: { label: "Accepted", className: "badge-accepted" },
  DECLINED: { label: "Declined", className: "badge-declined" },
  REVOKED: { label: "Revoked", className: "badge-withdrawn" },
};

export function InvitationStatusBadge({ status }: { status: string }) {
  const badge = BADGES[status] ?? { label: status, className: "badge-draft" };
  return <span className={`badge ${badge.className}`}>{badge.label}</span>;
}
