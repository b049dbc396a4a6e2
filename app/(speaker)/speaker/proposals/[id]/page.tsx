import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { requirePageUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { cfpState } from "@/lib/events/cfp";
import { formatInZone } from "@/lib/events/time-zone";
import { getSpeakerProposal } from "@/lib/proposals/speaker-queries";
import { availableTransitions, EDITABLE_STATUSES, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { ProposalForm } from "@/components/proposals/ProposalForm";
import { readClock } from "@/lib/clock";
import { submitterQuestions } from "@/lib/questions/queries";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { loadOrNotFound } from "@/app/_lib/page-query";
import { responseDeadline } from "@/lib/lifecycle/deadline";
import { speakerStatusGuide } from "@/lib/proposals/speaker-status";
import { RespondForm } from "@/components/decisions/RespondForm";
import { StatusGuideCard } from "@/components/proposals/StatusGuideCard";
import { respondAction, updateProposalAction, withdrawProposalAction } from "./actions";
import { ProposalDetails } from "./ProposalDetails";
import { ProposalNotices } from "./ProposalNotices";
import { ConfirmStep, ConfirmTrigger } from "@/components/ui/Confirm";
import { listInvitations } from "@/lib/cospeakers/list";
import { CoSpeakersSection } from "@/components/cospeakers/CoSpeakersSection";
import { inviteCoSpeakerAction, resendInvitationAction, revokeInvitationAction } from "./cospeaker-actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadProposal = cache(async (id: string) => {
  const user = await requirePageUser(`/speaker/proposals/${id}`);
  return loadOrNotFound(getSpeakerProposal(db, user.actor, id));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { proposal } = await loadProposal((await params).id);
  return { title: proposal.title };
}

export default async function SpeakerProposalPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const data = await loadProposal(id);
  const viewer = await requirePageUser(`/speaker/proposals/${id}`);
  const { proposal, sessionTypes, tracks } = data;
  const { event } = proposal;
  const status = proposal.status as ProposalStatus;
  const cfp = cfpState(event);
  const transitions = availableTransitions(status, "SPEAKER");
  const editable = EDITABLE_STATUSES.includes(status);
  const closes = formatInZone(event.cfpClosesAt, event.timeZone);
  const path = `/speaker/proposals/${proposal.id}`;
  // The event's questions and this speaker's answers, for the edit form (lib/questions).
  const questions = editable ? await submitterQuestions(db, viewer.actor, proposal.eventId, proposal.id, readClock()) : null;

  return (
    <div className="stack">
      <p>
        <Link href="/speaker">← My proposals</Link>
      </p>
      <div>
        <h1>{proposal.title}</h1>
        <ul className="meta">
          <li>
            <StatusBadge status={status} />
          </li>
          <li>
            Event: <Link href={`/events/${event.slug}`}>{event.name}</Link>
          </li>
        </ul>
      </div>

      <ProposalNotices
        status={status}
        flags={{
          saved: sp.saved === "1",
          submitted: sp.submitted === "1",
          withdrawn: sp.withdrawn === "1",
          invited: count(sp.invited),
          notInvited: count(sp.notInvited),
        }}
      />
      <StatusGuideCard
        guide={speakerStatusGuide(status, {
          cfpOpen: cfp === "open",
          cfpCloses: closes,
          deadline: deadlineText(responseDeadline(event.confirmationDeadline, proposal.decidedAt), event.timeZone),
        })}
      />
      {transitions.includes("confirm") && (
        <section className="card" aria-labelledby="respond-heading">
          <h2 id="respond-heading">Will you give this talk?</h2>
          <RespondForm
            action={respondAction.bind(null, proposal.id)}
            hidden={{}}
            decline={{
              href: `${path}?confirm=decline#confirm-decline`,
              cancelHref: `${path}#decline-talk`,
              showing: sp.confirm === "decline",
            }}
          />
        </section>
      )}
      {editable && cfp === "closed" && <p className="alert alert-info">Edits are closed since {closes}, when the call for papers ended.</p>}
      {editable && cfp === "upcoming" && (
        <p className="alert alert-info">
          The call for papers opens on {formatInZone(event.cfpOpensAt, event.timeZone)}; you can edit then.
        </p>
      )}

      <ProposalDetails {...data} />

      <CoSpeakersSection
        {...await listInvitations(db, (await requirePageUser(`/speaker/proposals/${id}`)).actor, proposal.id)}
        timeZone={event.timeZone}
        actions={{
          invite: inviteCoSpeakerAction.bind(null, proposal.id),
          resend: resendInvitationAction.bind(null, proposal.id),
          revoke: revokeInvitationAction.bind(null, proposal.id),
        }}
      />

      {editable && cfp === "open" && (
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Edit your proposal</h2>
          <p className="muted">
            {status === "DRAFT"
              ? `This is a draft: submit it before ${closes}.`
              : `You can edit until ${closes}. Reviewers see the latest version.`}
          </p>
          <ProposalForm
            key={proposal.updatedAt.toISOString()}
            action={updateProposalAction.bind(null, proposal.id)}
            sessionTypes={sessionTypes.map(({ id, name, durationMinutes }) => ({ id, name, durationMinutes }))}
            tracks={tracks.map(({ id, name }) => ({ id, name }))}
            mode="edit"
            version={proposal.updatedAt.toISOString()}
            backupKey={`proposal:${viewer.id}:${proposal.id}`}
            canSubmit={transitions.includes("submit")}
            questions={questions ? { list: questions.questions, saved: questions.values } : undefined}
            initial={{
              title: proposal.title,
              abstract: proposal.abstract,
              notes: proposal.notes,
              level: proposal.level ?? "",
              sessionTypeId: proposal.sessionTypeId ?? "",
              trackId: proposal.trackId ?? "",
            }}
          />
        </section>
      )}

      {transitions.includes("withdraw") && (
        <section className="card" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">Withdraw this proposal</h2>
          <p>
            {status === "ACCEPTED" || status === "CONFIRMED"
              ? "Your talk leaves the programme and the organizers are told. This cannot be undone."
              : "Withdrawn proposals are not reviewed. This cannot be undone."}
          </p>
          <div>
            <ConfirmTrigger
              id="withdraw"
              href={`${path}?confirm=withdraw#confirm-withdraw`}
              open={sp.confirm === "withdraw"}
              variant="danger"
            >
              Withdraw proposal…
            </ConfirmTrigger>
          </div>
          {sp.confirm === "withdraw" && (
            <ConfirmStep
              id="confirm-withdraw"
              level={3}
              title={`Withdraw “${proposal.title}”?`}
              action={withdrawProposalAction.bind(null, proposal.id)}
              fields={{ confirm: "yes" }}
              confirmLabel="Withdraw proposal"
              pendingText="Withdrawing…"
              cancelHref={`${path}#withdraw`}
              variant="danger"
            >
              <ul>
                {WITHDRAW_EFFECT[status] && <li>{WITHDRAW_EFFECT[status]}</li>}
                <li>You cannot submit it again or take this back.</li>
              </ul>
            </ConfirmStep>
          )}
        </section>
      )}
    </div>
  );
}

/** What withdrawing does from each status a speaker may withdraw from. */
const WITHDRAW_EFFECT: Partial<Record<ProposalStatus, string>> = {
  DRAFT: "The draft is kept, marked withdrawn; it is never submitted.",
  SUBMITTED: "Reviewers no longer see it and it is not decided.",
  WAITLISTED: "It leaves the waitlist, so it cannot be promoted.",
  ACCEPTED: "Your talk leaves the programme and the organizers are emailed; a waitlisted talk may take its slot.",
  CONFIRMED: "Your talk leaves the programme and the organizers are emailed; a waitlisted talk may take its slot.",
};

/** A small count from the URL (what the last save did); anything else is none. */
function count(v: string | string[] | undefined): number {
  const n = typeof v === "string" && /^\d$/.test(v) ? Number(v) : 0;
  return n;
}

function deadlineText(deadline: Date | null, timeZone: string): string | null {
  return deadline ? formatInZone(deadline, timeZone) : null;
}
