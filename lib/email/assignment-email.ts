// The message a reviewer gets when proposals are assigned to them. Values are
// inserted as plain text; the outbox escapes the HTML part.

export function reviewAssignmentEmail(p: { reviewerName: string | null; eventName: string; count: number; url: string }) {
  const proposals = p.count === 1 ? "1 new proposal" : `${p.count} new proposals`;
  return {
    subject: `${proposals} to review for ${p.eventName}`,
    text:
      `Hi ${p.reviewerName || "there"},\n\n` +
      `The ${p.eventName} organizers assigned you ${proposals}. Assigned proposals come first in your review queue:\n${p.url}\n\n` +
      `If you have a conflict of interest with one of them, say so on its review page and it leaves your queue.\n\n` +
      `The ${p.eventName} team`,
  };
}
