import type { DbTx } from "@/lib/db";
import type { WebhookEventType } from "./event-types";

export type ProposalChange = { from: string; to: string; transition: string } | { fields: string[] };

/**
 * The one place a webhook payload is shaped (Standard Webhooks' recommended
 * `{ type, timestamp, data }`). It carries the proposal's id, its stable
 * identifiers (code, number in the event, guid; ADR 0021), title and state
 * and the event's slug; never speakers' personal data, which receivers can
 * read through the API with a token that has the scope for it.
 */
export async function buildProposalPayload(
  tx: DbTx,
  input: { proposalId: string; type: WebhookEventType; change: ProposalChange; now: Date },
) {
  const p = await tx.proposal.findUniqueOrThrow({
    where: { id: input.proposalId },
    select: {
      id: true,
      code: true,
      number: true,
      guid: true,
      title: true,
      status: true,
      submittedAt: true,
      decidedAt: true,
      respondedAt: true,
      updatedAt: true,
      event: { select: { slug: true } },
      sessionType: { select: { name: true } },
      track: { select: { name: true } },
    },
  });
  return {
    type: input.type,
    timestamp: input.now.toISOString(),
    data: {
      event: p.event.slug,
      proposal: {
        id: p.id,
        code: p.code,
        number: p.number,
        guid: p.guid,
        title: p.title,
        state: p.status.toLowerCase(),
        submission_type: p.sessionType?.name ?? null,
        track: p.track?.name ?? null,
        submitted_at: p.submittedAt?.toISOString() ?? null,
        decided_at: p.decidedAt?.toISOString() ?? null,
        responded_at: p.respondedAt?.toISOString() ?? null,
      },
      change: input.change,
    },
  };
}
export type WebhookPayload = Awaited<ReturnType<typeof buildProposalPayload>>;

/** A programme release as a webhook reports it: which version, and what changed (talks and blocks by their guid). */
export type ScheduleRelease = {
  slug: string;
  version: number;
  note: string;
  publishedAt: Date;
  changes: readonly { kind: string; guid: string; title: string }[];
  appUrl: string;
};

export function buildSchedulePayload(r: ScheduleRelease) {
  return {
    type: "schedule.released" as const,
    timestamp: r.publishedAt.toISOString(),
    data: {
      event: r.slug,
      release: { version: r.version, note: r.note, published_at: r.publishedAt.toISOString() },
      changes: r.changes.map((c) => ({ kind: c.kind, guid: c.guid, title: c.title })),
      schedule: {
        xml: `${r.appUrl}/events/${r.slug}/schedule.xml`,
        json: `${r.appUrl}/events/${r.slug}/schedule.json`,
        ics: `${r.appUrl}/events/${r.slug}/schedule.ics`,
      },
    },
  };
}
