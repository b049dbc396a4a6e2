import { cfpState, type CfpWindow } from "@/lib/events/cfp";
import { formatInZone } from "@/lib/events/time-zone";
import { responseDeadline } from "@/lib/lifecycle/deadline";
import type { ProposalStatus } from "@/lib/lifecycle/state-machine";

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

type Listed = { status: ProposalStatus; decidedAt: Date | null };

/** What the speaker can do next with a proposal in this (published) status: never blank. */
export function nextStep(
  { status, decidedAt }: Listed,
  event: EventWindow & { confirmationDeadline: Date | null },
  now = new Date(),
): string {
  const state = cfpState(event, now);
  const closes = formatInZone(event.cfpClosesAt, event.timeZone);
  switch (status) {
    case "DRAFT":
      if (state === "open") return `Submit before ${closes}`;
      if (state === "upcoming") return `Submissions open on ${formatInZone(event.cfpOpensAt, event.timeZone)}`;
      return `Not submitted: the CFP closed on ${closes}`;
    case "SUBMITTED":
      return state === "open" ? `Editable until ${closes}` : "Waiting for the organizers' decision";
    case "ACCEPTED": {
      const by = responseDeadline(event.confirmationDeadline, decidedAt);
      return by ? `Accepted: confirm or decline by ${formatInZone(by, event.timeZone)}` : "Accepted: confirm or decline";
    }
    case "CONFIRMED":
      return "Confirmed: see you there";
    case "WAITLISTED":
      return "On the waitlist: nothing to do; you get an email if a slot opens";
    case "REJECTED":
      return "Not accepted this time";
    case "DECLINED":
      return "You declined this talk";
    case "WITHDRAWN":
      return "You withdrew this proposal";
  }
}
