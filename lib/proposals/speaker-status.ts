import type { ProposalStatus } from "@/lib/lifecycle/state-machine";

export type StatusGuide = { headline: string; detail: string; tone: "info" | "success" | "warning" | "neutral" };

type Context = { cfpOpen: boolean; cfpCloses: string; deadline: string | null };

/**
 * Where a proposal stands, in words a speaker understands, and what to do
 * next. Organizers' unpublished decisions never reach this: it only knows
 * the published status.
 */
export function speakerStatusGuide(status: ProposalStatus, c: Context): StatusGuide {
  switch (status) {
    case "DRAFT":
      return c.cfpOpen
        ? { headline: "Draft: not submitted yet", detail: `Reviewers cannot see it. Submit it before ${c.cfpCloses}.`, tone: "warning" }
        : { headline: "Draft: not submitted", detail: "The call for papers is not open, so it cannot be submitted now.", tone: "neutral" };
    case "SUBMITTED":
      return c.cfpOpen
        ? { headline: "Submitted", detail: `The review team will read it. You can still edit it until ${c.cfpCloses}.`, tone: "info" }
        : {
            headline: "Submitted: under review",
            detail: "The call for papers is closed and the team is reviewing. You will get an email when there is a decision.",
            tone: "info",
          };
    case "ACCEPTED":
      return {
        headline: "Accepted: please confirm",
        detail: `Your talk is in the programme. Confirm that you will give it, or decline so another speaker can take the slot${c.deadline ? `, by ${c.deadline}` : ""}.`,
        tone: "success",
      };
    case "CONFIRMED":
      return {
        headline: "Confirmed: see you there",
        detail: "You confirmed your talk. The organizers will be in touch about the schedule.",
        tone: "success",
      };
    case "WAITLISTED":
      return {
        headline: "On the waitlist",
        detail:
          "The team liked your proposal. If a slot opens, it may move into the programme and you will get an email. Nothing to do for now.",
        tone: "info",
      };
    case "REJECTED":
      return {
        headline: "Not accepted this time",
        detail: "Thank you for proposing it. We hope to see you at a future call for papers.",
        tone: "neutral",
      };
    case "DECLINED":
      return {
        headline: "You declined",
        detail: "You told the organizers you cannot give this talk, and its slot went back to them.",
        tone: "neutral",
      };
    case "WITHDRAWN":
      return { headline: "Withdrawn", detail: "You withdrew this proposal. It is no longer reviewed.", tone: "neutral" };
  }
}
