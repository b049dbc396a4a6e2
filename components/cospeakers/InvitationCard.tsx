import Link from "next/link";
import type { InvitationView } from "@/lib/cospeakers/view";
import { InvitationAnswerForm } from "./InvitationAnswerForm";
import type { FormAction } from "./types";

type Props = { view: InvitationView; token: string; signedInAs: string | null; answer: FormAction };

const ENDED: Record<"invalid" | "revoked" | "declined" | "closed", { title: string; text: string }> = {
  invalid: {
    title: "This invitation link does not work",
    text: "It may be mistyped, or a newer invitation was sent since: use the link in the latest email, or ask the speaker to send it again.",
  },
  revoked: { title: "This invitation was withdrawn", text: "The speaker withdrew it. If that is a mistake, ask them to invite you again." },
  declined: {
    title: "This invitation was declined",
    text: "Nothing more to do. If you change your mind, ask the speaker to invite you again.",
  },
  closed: { title: "This invitation can no longer be accepted", text: "The proposal is no longer in the running." },
};

/** What an invitation link shows, for each state; only a pending one names the talk. */
export function InvitationCard({ view, token, signedInAs, answer }: Props) {
  if (view.state === "accepted") {
    return (
      <div className="stack" style={{ maxWidth: 640 }}>
        <h1>Invitation accepted</h1>
        {view.proposalId ? (
          <>
            <p className="alert alert-success" role="status">
              You are now a co-speaker on this proposal: you can edit it and, once it is accepted, confirm it.
            </p>
            <p>
              <Link href={`/speaker/proposals/${view.proposalId}`}>Open the proposal</Link>
            </p>
          </>
        ) : (
          <p>This invitation was accepted. The co-speaker finds the proposal under “My proposals” once signed in.</p>
        )}
      </div>
    );
  }
  if (view.state !== "pending") {
    const ended = ENDED[view.state];
    return (
      <div className="stack" style={{ maxWidth: 640 }}>
        <h1>{ended.title}</h1>
        <p>{ended.text}</p>
      </div>
    );
  }
  const callback = `/invitations/${token}`;
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <div>
        <p className="muted flush">{view.eventName}</p>
        <h1>Co-present “{view.talkTitle}”</h1>
      </div>
      <p>
        {view.inviterName} invites you to co-present “{view.talkTitle}” at {view.eventName}. As a co-speaker you can edit the proposal and,
        once it is accepted, confirm it.
      </p>
      {view.viewer === "anonymous" && (
        <p>
          <Link className="btn btn-primary" href={`/signin?callbackUrl=${callback}`}>
            Sign in to accept
          </Link>{" "}
          <span className="muted">Sign in with the address the invitation was sent to. No account yet? Signing in creates one.</span>
        </p>
      )}
      {view.viewer === "other-account" && (
        <p className="alert alert-warn" role="alert">
          You are signed in as {signedInAs}, but this invitation was sent to another address. Sign out, then sign in with the address the
          invitation was sent to.
        </p>
      )}
      {view.viewer === "invitee" && <InvitationAnswerForm action={answer} token={token} />}
    </div>
  );
}
