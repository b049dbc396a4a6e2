type Flags = { saved: boolean; submitted: boolean; withdrawn: boolean; invited: number; notInvited: number };

/** The outcome of the last action (from the URL) and the decision, in plain words. */
export function ProposalNotices({ status, flags }: { status: string; flags: Flags }) {
  return (
    <>
      <div role="status">
        {flags.submitted && status === "SUBMITTED" && (
          <p className="alert alert-success">
            Your proposal was submitted. A confirmation is on its way by email. You can still edit it until the call for papers closes.
          </p>
        )}
        {flags.saved && (
          <p className="alert alert-success">
            {status === "DRAFT" ? "Draft saved. It is not submitted yet, so reviewers cannot see it." : "Changes saved."}
          </p>
        )}
        {flags.invited > 0 && (
          <p className="alert alert-success">
            {flags.invited === 1 ? "One co-speaker was invited" : `${flags.invited} co-speakers were invited`}: see them under Co-speakers.
          </p>
        )}
        {flags.notInvited > 0 && (
          <p className="alert alert-error">
            {flags.notInvited === 1 ? "One invitation was not sent" : `${flags.notInvited} invitations were not sent`}. Invite again under
            Co-speakers: the form there says why.
          </p>
        )}
        {flags.withdrawn && status === "WITHDRAWN" && (
          <p className="alert alert-info">Your proposal was withdrawn. It will not be reviewed.</p>
        )}
      </div>
    </>
  );
}
