import type { DbTx } from "@/lib/db";

export type ActivityKind =
  | "status" // { from, to, transition }
  | "pending-decision" // { from, to }
  | "email" // { to, kind, subject, held }
  | "edit" // { changes: { field: { from, to } } }
  | "cospeaker" // { email, status }
  | "answers"; // { changes: { question text: { from, to } } } (lib/questions)

/** Writes one line of a proposal's activity log, in the caller's transaction. */
export async function recordActivity(
  tx: DbTx,
  entry: { proposalId: string; actorId: string | null; kind: ActivityKind; data: Record<string, unknown> },
) {
  await tx.proposalActivity.create({
    data: { proposalId: entry.proposalId, actorId: entry.actorId, kind: entry.kind, data: JSON.stringify(entry.data) },
  });
}
