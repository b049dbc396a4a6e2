import { cfpState, type CfpWindow } from "@/lib/events/cfp";
import { formatInZone } from "@/lib/events/time-zone";

type EventWindow = CfpWindow & { timeZone: string };

/** One sentence on when submissions are possible, in the event's time zone. */
export function cfpSummary(event: EventWindow, now = new Date()): string {
  switch (cfpState(event, now)) {
    case "upcoming":
      return `Submissions open on ${formatInZone(event.cfpOpensAt, event.timeZone)}.`;
    case "open":
      return `Submissions are open until ${formatInZone(event.cfpClosesAt, event.timeZone)}.`;
    case "closed":
      return `Submissions closed on ${formatInZone(event.cfpClosesAt, event.timeZone)}.`;
  }
}

/** What the speaker can do next with a proposal in this status. */
export function nextStep(status: string, event: EventWindow, now = new Date()): string {
  const state = cfpState(event, now);
  const closes = formatInZone(event.cfpClosesAt, event.timeZone);
  switch (status) {
    case "DRAFT":
      if (state === "open") return `Submit before ${closes}`;
      if (state === "upcoming") return `Submissions open on ${formatInZone(event.cfpOpensAt, event.timeZone)}`;
      return `Not submitted: the CFP closed on ${closes}`;
    case "SUBMITTED":
      return state === "open" ? `Editable until ${closes}` : "Waiting for the organizers' decision";
    case "ACCEPTED":
      return "Accepted: congratulations!";
    case "REJECTED":
      return "Not accepted this time";
    case "WITHDRAWN":
      return "You withdrew this proposal";
    default:
      return "";
  }
}
