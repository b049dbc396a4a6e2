import type { SignedIn } from "@/lib/auth/actor";
import { responseDeadline } from "@/lib/lifecycle/deadline";
import { speakerValues } from "@/lib/lifecycle/notify";
import type { DbTx } from "@/lib/db";
import { appUrl } from "@/lib/config";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { notFound } from "@/lib/errors";
import { textToHtml } from "@/lib/email/outbox";
import { PLACEHOLDERS, type Template, type TemplateKind } from "@/lib/email/event-templates/kinds";
import { templateFor } from "@/lib/email/event-templates/load";
import { renderTemplate } from "@/lib/email/event-templates/render";
import { assertKnownPlaceholders, assertTemplateKind } from "@/lib/email/event-templates/save";

/**
 * Stands in for a signed link in previews: a preview is seen by organizers,
 * and a real confirmation link would let them answer for the speaker.
 */
export const EXAMPLE_LINK = "example-link-for-the-preview-only";

export type TemplatePreview = {
  to: string;
  subject: string;
  text: string;
  /** The same HTML part the outbox writes (textToHtml). */
  html: string;
  /** The proposal whose data filled the placeholders; null when the event has none yet. */
  proposal: { id: string; title: string } | null;
};

/** The proposals the editor offers to preview a template with. */
export async function previewChoices(db: DbTx, actor: SignedIn, eventId: string) {
  // Proposals an organizer may preview with: those they may handle, as their proposal list shows.
  const scope = await organizerScope(db, actor, eventId, "event:edit");
  return db.proposal.findMany({
    where: scope.proposals,
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, title: true, status: true },
  });
}

/**
 * A kind of message as one speaker of a real proposal would receive it, with
 * the event's wording or a draft of it. Values are filled exactly as
 * queueSpeakerEmails fills them, except links that would act for someone,
 * which point nowhere. Without a chosen proposal, the latest one is used.
 */
export async function previewTemplate(
  db: DbTx,
  actor: SignedIn,
  eventId: string,
  kind: TemplateKind,
  options: { proposalId?: string; draft?: Template } = {},
): Promise<TemplatePreview> {
  const scope = await organizerScope(db, actor, eventId, "event:edit");
  assertTemplateKind(kind);
  if (options.draft) assertKnownPlaceholders(kind, options.draft);
  const [event, organizer, proposal] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true, slug: true, timeZone: true, confirmationDeadline: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } }),
    db.proposal.findFirst({
      where: { AND: [scope.proposals, options.proposalId ? { id: options.proposalId } : {}] },
      orderBy: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        speakers: { orderBy: { id: "asc" }, select: { role: true, user: { select: { name: true, email: true } } } },
      },
    }),
  ]);
  if (options.proposalId && !proposal) throw notFound("This proposal");

  const owner = proposal?.speakers.find((s) => s.role === "OWNER") ?? proposal?.speakers[0];
  const speaker = owner
    ? { name: owner.user.name || owner.user.email, email: owner.user.email }
    : { name: "Ada Example", email: "speaker@example.org" };
  const app = appUrl();
  const values: Record<string, string> = {
    ...speakerValues({
      speakerName: speaker.name,
      title: proposal?.title ?? "An example talk title",
      eventName: event.name,
      proposalId: proposal?.id ?? EXAMPLE_LINK,
      deadline: responseDeadline(event.confirmationDeadline, new Date()),
      timeZone: event.timeZone,
    }),
    confirm_url: `${app}/respond/${EXAMPLE_LINK}`,
    inviter_name: speaker.name,
    invite_url: `${app}/invitations/${EXAMPLE_LINK}`,
    reviewer_name: organizer.name || organizer.email,
    count: "3",
    review_url: `${app}/review/${event.slug}`,
    slot: "Friday 4 June 2027, 10:00 to 10:30 (Europe/Paris)",
    room: "Room: Main hall",
    schedule_url: `${app}/events/${event.slug}/schedule`,
  };
  const known = new Set(PLACEHOLDERS[kind]);
  const mail = renderTemplate(
    options.draft ?? (await templateFor(db, eventId, kind)),
    Object.fromEntries(Object.entries(values).filter(([k]) => known.has(k))),
  );
  return {
    to: kind === "review-assignment" ? organizer.email : kind === "cospeaker-invitation" ? "co-speaker@example.org" : speaker.email,
    subject: mail.subject,
    text: mail.body,
    html: textToHtml(mail.body),
    proposal: proposal && { id: proposal.id, title: proposal.title },
  };
}
