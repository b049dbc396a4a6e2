// To the organizers when a talk leaves the programme. Not an event's message: its wording is fixed.

export function vacancyEmail(v: {
  eventName: string;
  title: string;
  sessionTypeName: string;
  declined: boolean;
  /** The waitlisted talk that automatic promotion moved into the slot, if any. */
  promotedTitle: string | null;
  /** Waitlisted proposals of the same session type still waiting. */
  waiting: number;
  decisionsUrl: string;
}) {
  const what = v.declined ? "was declined by its speakers" : "was withdrawn by its speakers";
  const next = v.promotedTitle
    ? `Automatic promotion moved "${v.promotedTitle}" from the waitlist into the programme; its speakers have been emailed.`
    : v.waiting > 0
      ? `${v.waiting} ${v.sessionTypeName} proposal(s) are on the waitlist. Promote the best one in one click:\n${v.decisionsUrl}`
      : `No ${v.sessionTypeName} proposal is on the waitlist.`;
  return {
    subject: `A slot opened at ${v.eventName}: "${v.title}"`,
    text: `Hello,\n\n"${v.title}" (${v.sessionTypeName}) ${what}.\n\n${next}`,
  };
}
