import Link from "next/link";
import { formatInZone } from "@/lib/events/time-zone";
import { InvitationButton } from "./InvitationButton";
import { InvitationStatusBadge } from "./InvitationStatusBadge";
import { InviteCoSpeakerForm } from "./InviteCoSpeakerForm";
import type { CoSpeakerList, FormAction, InvitationRow } from "./types";

type Props = CoSpeakerList & {
  timeZone: string;
  actions: { invite: FormAction; resend: FormAction; revoke: FormAction };
};

/** The proposal's speakers, every invitation with its status, and the invite form. */
export function CoSpeakersSection({ viewerId, speakers, invitations, canInvite, closed, maxSpeakers, timeZone, actions }: Props) {
  return (
    <section className="card" aria-labelledby="cospeakers-heading">
      <h2 id="cospeakers-heading">Co-speakers</h2>
      <h3>Speakers</h3>
      <ul>
        {speakers.map((s) => {
          const role = s.role === "OWNER" ? "(owner)" : "(co-speaker)";
          if (s.userId !== viewerId) {
            return (
              <li key={s.userId}>
                {s.name || s.email} {role}
              </li>
            );
          }
          // The speaker themselves: by name, or, before they gave one, a nudge to their profile (never their address).
          return (
            <li key={s.userId}>
              {s.name ? `${s.name} ${role} — you` : `You ${role}`}
              {!s.name && (
                <>
                  {" "}
                  · <Link href="/speaker/profile">Add your name</Link>: organizers and the programme show it
                </>
              )}
            </li>
          );
        })}
      </ul>

      <h3>Invitations</h3>
      {invitations.length === 0 ? (
        <p className="muted">No invitations yet.</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
          {invitations.map((i) => (
            <InvitationItem key={i.id} invitation={i} timeZone={timeZone} canInvite={canInvite} actions={actions} />
          ))}
        </ul>
      )}

      <h3>Invite a co-speaker</h3>
      {closed ? (
        <p className="muted">This proposal is no longer in the running, so it takes no new co-speakers.</p>
      ) : canInvite ? (
        <InviteCoSpeakerForm action={actions.invite} />
      ) : (
        <p className="muted">
          A proposal can have at most {maxSpeakers} speakers, pending invitations included. Revoke an invitation to invite someone else.
        </p>
      )}
    </section>
  );
}

function InvitationItem({
  invitation: i,
  timeZone,
  canInvite,
  actions,
}: {
  invitation: InvitationRow;
  timeZone: string;
  canInvite: boolean;
  actions: Props["actions"];
}) {
  const when = (d: Date | null) => (d ? formatInZone(d, timeZone) : "");
  return (
    <li>
      <div className="row">
        <strong style={{ overflowWrap: "anywhere" }}>{i.email}</strong>
        <InvitationStatusBadge status={i.status} />
      </div>
      <p className="hint">
        {i.status === "PENDING" && `Invited by ${i.invitedByName}; last sent ${when(i.lastSentAt)}.`}
        {i.status === "ACCEPTED" && `Accepted ${when(i.respondedAt)}.`}
        {i.status === "DECLINED" && `Declined ${when(i.respondedAt)}.`}
        {i.status === "REVOKED" && `Revoked; the link in the email no longer works.`}
      </p>
      <div className="row" style={{ alignItems: "flex-start" }}>
        {i.status === "PENDING" && (
          <>
            <InvitationButton
              action={actions.resend}
              fields={{ invitationId: i.id }}
              label="Resend"
              pendingLabel="Sending…"
              describedAs={`Resend the invitation to ${i.email}`}
            />
            <InvitationButton
              action={actions.revoke}
              fields={{ invitationId: i.id }}
              label="Revoke"
              pendingLabel="Revoking…"
              describedAs={`Revoke the invitation to ${i.email}`}
              variant="danger"
            />
          </>
        )}
        {(i.status === "DECLINED" || i.status === "REVOKED") && canInvite && (
          <InvitationButton
            action={actions.invite}
            fields={{ email: i.email }}
            label="Invite again"
            pendingLabel="Sending…"
            describedAs={`Invite again: ${i.email}`}
          />
        )}
      </div>
    </li>
  );
}
