type Flags = { saved: boolean; submitted: boolean; withdrawn: boolean };

/** The outcome of the last action (from the URL) and the decision, in plain words. */
export function ProposalNotices({ status, flags }: { status: string; flags: Flags }) {
  return (
    <>
      <div role="status">
        {flags.submitted && status === "SUBMITTED" && (
          <p className="alert alert-success">
            Your proposal was submitted. A confirmation is on its way by email. You can still edit it until the call
            for papers closes.
          </p>
        )}
        {flags.saved && (
          <p className="alert alert-success">
            {status === "DRAFT"
              ? "Draft saved. It is not submitted yet, so reviewers cannot see it."
              : "Changes saved."}
          </p>
        )}
        {flags.withdrawn && status === "WITHDRAWN" && (
          <p className="alert alert-info">Your proposal was withdrawn. It will not be reviewed.</p>
        )}
      </div>
      {status === "ACCEPTED" && (
        <p className="alert alert-success">
          <strong>Congratulations, your talk was accepted!</strong> The organizers will contact you about next steps.
        </p>
      )}
      {status === "REJECTED" && (
        <p className="alert alert-info">
          <strong>Your talk was not accepted this time.</strong> Thank you for proposing it; we hope to see you at a
          future call for papers.
        </p>
      )}
      {status === "WITHDRAWN" && !flags.withdrawn && (
        <p className="alert alert-info">You withdrew this proposal. It is no longer reviewed.</p>
      )}
    </>
  );
}
