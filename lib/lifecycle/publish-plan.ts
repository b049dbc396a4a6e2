import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { readClock, type ClockOptions } from "@/lib/clock";
import { assertAsPreviewed, fingerprintOf } from "@/lib/forms/fingerprint";
import { pendingRows, publishRows, type BulkResult, type PendingRow } from "./decide";
import { renderSpeakerEmails } from "./notify";
import { previewOf, type EmailPreview } from "./preview-email";
import { publishTransition, SPEAKER_EMAIL_FOR, type PendingDecision, type ProposalStatus } from "./state-machine";

export type PublicationPlan = {
  /** What will be published, in publishing order, with who is emailed. */
  publish: { id: string; title: string; decision: PendingDecision; speakers: { name: string | null; email: string }[] }[];
  /** Pending decisions that cannot be published from the proposal's status. */
  skipped: { id: string; title: string; reason: string }[];
  /** One message per kind of decision, as its first proposal's first speaker gets it. */
  emails: (EmailPreview & { kind: "accepted" | "waitlisted" | "rejected" })[];
  recipients: number;
  held: boolean;
  fingerprint: string;
};

export const PUBLICATION_CHANGED =
  "The decisions changed since this preview was made (someone decided, published or withdrew meanwhile). Nothing was published: check the new preview and confirm again.";

const partsOf = (rows: PendingRow[]) => rows.map((r) => `${r.id}:${r.status}:${r.pendingDecision}`);

/**
 * The dry run of "Publish all": exactly the rows publishAsPreviewed publishes
 * (the same query, organizer scope included) and the email each kind of
 * decision sends, rendered by the code that queues it. Writes nothing.
 */
export async function planPublication(db: Db, actor: SignedIn, eventId: string, options: ClockOptions = {}): Promise<PublicationPlan> {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const rows = await pendingRows(db, scope.proposals);
  const now = readClock(options);
  const publishable = rows.filter((r) => publishTransition(r.status as ProposalStatus, r.pendingDecision as PendingDecision));
  const withSpeakers = await db.proposal.findMany({
    where: { id: { in: publishable.map((r) => r.id) } },
    select: { id: true, speakers: { select: { user: { select: { name: true, email: true } } } } },
  });
  const speakersOf = new Map(withSpeakers.map((p) => [p.id, p.speakers.map((s) => s.user)]));
  const emails: PublicationPlan["emails"] = [];
  const seen = new Set<string>();
  for (const r of publishable) {
    const kind = SPEAKER_EMAIL_FOR[
      publishTransition(r.status as ProposalStatus, r.pendingDecision as PendingDecision)!
    ] as PublicationPlan["emails"][number]["kind"];
    if (seen.has(kind)) continue;
    seen.add(kind);
    const { emails: mails } = await renderSpeakerEmails(db, { proposalId: r.id, kind, now });
    if (mails[0]) emails.push({ ...previewOf(mails[0]), kind });
  }
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { holdOutbox: true } });
  const publish = publishable.map((r) => ({
    id: r.id,
    title: r.title,
    decision: r.pendingDecision as PendingDecision,
    speakers: speakersOf.get(r.id) ?? [],
  }));
  return {
    publish,
    skipped: rows
      .filter((r) => !publishable.includes(r))
      .map((r) => ({ id: r.id, title: r.title, reason: `it is ${r.status.toLowerCase()}` })),
    emails,
    recipients: new Set(publish.flatMap((p) => p.speakers.map((s) => s.email))).size,
    held: event.holdOutbox,
    fingerprint: fingerprintOf(partsOf(rows)),
  };
}

/**
 * "Publish all", confirmed: refuses with nothing done unless the pending
 * decisions are still exactly those previewed; then each is published from
 * the status and decision the preview showed (a proposal changed in between
 * is skipped and reported, never published differently).
 */
export async function publishAsPreviewed(
  db: Db,
  actor: SignedIn,
  eventId: string,
  fingerprint: string,
): Promise<BulkResult & { held: boolean }> {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const rows = await pendingRows(db, scope.proposals);
  assertAsPreviewed(fingerprint, partsOf(rows), PUBLICATION_CHANGED);
  const result = await publishRows(db, actor, eventId, rows);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { holdOutbox: true } });
  return { ...result, held: event.holdOutbox };
}
