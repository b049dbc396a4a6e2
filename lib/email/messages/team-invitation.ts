// Not an event's message: its wording is fixed. Values are inserted as plain text.

export function teamInvitationEmail(p: { eventName: string; role: string; inviterName: string; url: string }) {
  return {
    subject: `You have been added to the ${p.eventName} team`,
    text: `Hello,\n\n${p.inviterName} added you to ${p.eventName} as ${p.role.toLowerCase()}. Sign in with this email address to start:\n${p.url}`,
  };
}
