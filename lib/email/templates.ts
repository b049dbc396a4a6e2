// Message texts. Values are inserted as plain text; HTML is escaped by the outbox.

export function signInEmail(url: string, appName = "CFP") {
  return {
    subject: `Your sign-in link for ${appName}`,
    text: `Hello,\n\nUse this link to sign in:\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.`,
  };
}

export function teamInvitationEmail(p: { eventName: string; role: string; inviterName: string; url: string }) {
  return {
    subject: `You have been added to the ${p.eventName} team`,
    text: `Hello,\n\n${p.inviterName} added you to ${p.eventName} as ${p.role.toLowerCase()}. Sign in with this email address to start:\n${p.url}`,
  };
}
