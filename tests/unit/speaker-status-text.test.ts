import { describe, expect, it } from "vitest";
import { nextStep } from "@/app/(speaker)/cfp-text";
import { PROPOSAL_STATUSES } from "@/lib/lifecycle/state-machine";
import { speakerStatusGuide } from "@/lib/proposals/speaker-status";

// "My proposals" says what comes next for every proposal (issue 16: it was blank for waitlisted,
// confirmed and declined talks, and accepted ones did not say by when to confirm).

const now = new Date("2027-04-10T10:00:00Z");
const event = {
  cfpOpensAt: new Date("2027-01-01T00:00:00Z"),
  cfpClosesAt: new Date("2027-04-01T00:00:00Z"),
  timeZone: "Europe/Paris",
  confirmationDeadline: new Date("2027-05-01T16:00:00Z"),
};

describe("the next step a speaker reads in their list", () => {
  it("is never blank, whatever the status", () => {
    for (const status of PROPOSAL_STATUSES) expect(nextStep({ status, decidedAt: null }, event, now), status).not.toBe("");
  });

  it("gives an accepted speaker their own deadline, in the event's zone", () => {
    expect(nextStep({ status: "ACCEPTED", decidedAt: new Date("2027-04-05T09:00:00Z") }, event, now)).toBe(
      "Accepted: confirm or decline by 1 May 2027, 18:00 (Europe/Paris)",
    );
    // Promoted late: at least 14 days after the decision.
    expect(nextStep({ status: "ACCEPTED", decidedAt: new Date("2027-04-30T08:00:00Z") }, event, now)).toBe(
      "Accepted: confirm or decline by 14 May 2027, 10:00 (Europe/Paris)",
    );
    expect(nextStep({ status: "ACCEPTED", decidedAt: null }, { ...event, confirmationDeadline: null }, now)).toBe(
      "Accepted: confirm or decline",
    );
  });

  it("tells a waitlisted speaker there is nothing to do yet", () => {
    expect(nextStep({ status: "WAITLISTED", decidedAt: null }, event, now)).toMatch(/^On the waitlist: nothing to do/);
  });
});

describe("the status card after declining", () => {
  it("does not thank the speaker a second time (the form's message already does)", () => {
    const guide = speakerStatusGuide("DECLINED", { cfpOpen: false, cfpCloses: "", deadline: null });
    expect(`${guide.headline} ${guide.detail}`).not.toMatch(/thank/i);
  });
});
