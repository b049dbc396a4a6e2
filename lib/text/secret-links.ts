// Links that are their own credential: whoever holds one acts as the person it
// was made for. They belong in the body of that person's own message and
// nowhere else: whatever organizers read (outbox, activity log) shows where
// such a link points, never the link.

export const HIDDEN_RESPONSE_LINK = "/respond/[the speaker's personal link]";
export const HIDDEN_INVITATION_LINK = "/invitations/[the invitee's personal link]";

const SECRET_LINKS: readonly [RegExp, string][] = [
  // A signed confirm/decline link: payload.signature (lib/decisions/response-token.ts).
  [/\/respond\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, HIDDEN_RESPONSE_LINK],
  // A co-speaker invitation: 256 random bits in base64url (lib/cospeakers/token.ts).
  [/\/invitations\/[A-Za-z0-9_-]{20,}/g, HIDDEN_INVITATION_LINK],
  // A sign-in link's token parameter.
  [/([?&]token=)[^&\s"'<>]+/g, "$1[hidden]"],
];

/** `text` with every credential link replaced by a note of where it pointed. */
export function redactSecrets(text: string): string {
  return SECRET_LINKS.reduce((t, [pattern, hidden]) => t.replace(pattern, hidden), text);
}
