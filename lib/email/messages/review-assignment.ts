import { SIGNOFF, type EventMessage } from "./shared";

export const reviewAssignment: EventMessage = {
  label: "Review assignment",
  placeholders: ["reviewer_name", "event_name", "count", "review_url"],
  wording: {
    subject: "New proposals to review for {event_name} ({count})",
    body:
      "Hi {reviewer_name},\n\nThe {event_name} organizers assigned you {count} new proposal(s). Assigned proposals come first in your review queue:\n{review_url}\n\nIf you have a conflict of interest with one of them, say so on its review page and it leaves your queue." +
      SIGNOFF,
  },
};
