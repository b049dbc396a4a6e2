export interface AssignProposal {
  id: string;
  trackId: string | null;
}

export interface AssignReviewer {
  id: string;
  /** Most assignments this reviewer may have in total, existing ones included; null = no cap. */
  cap: number | null;
  preferredTrackIds: string[];
}

export interface AssignPair {
  proposalId: string;
  reviewerId: string;
}

export interface AssignInput {
  proposals: AssignProposal[];
  reviewers: AssignReviewer[];
  /** Kept as they are; they count toward each proposal's N and each reviewer's load and cap. */
  existing: AssignPair[];
  /** Conflicted pairs are never assigned. */
  isConflicted(reviewerId: string, proposalId: string): boolean;
  /** N: how many reviewers each proposal should end up with. */
  reviewersPerProposal: number;
}
