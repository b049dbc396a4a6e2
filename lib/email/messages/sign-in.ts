// Not an event's message: its wording is fixed. Values are inserted as plain text.

export function signInEmail(url: string, appName = "CFP") {
  return {
    subject: `Your sign-in link for ${appName}`,
    text: `Hello,\n\nUse this link to sign in:\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this email.`,
  };
}
