import { signedInAs } from "@/lib/auth/actor";
// A small event for the read-API and export tests (not a test file): proposals
// in several states, a draft and a proposal the token's creator speaks on
// (both out of reach), reviews, and tokens with every scope.
import type { Db } from "@/lib/db/client";
import { createApiToken } from "@/lib/api/tokens";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { addOrganizer, addReviewer, createEvent, createProposal, createReview, createSpeaker, createUser } from "@/tests/factories";

export async function apiWorld(db: Db) {
  const event = await createEvent(db, { blindReview: true });
  const organizer = event.organizer;
  const reviewer = await addReviewer(db, event, await createUser(db, { name: "Rae Viewer" }));
  const speaker = await createSpeaker(db, { name: "Zoë O'Brien", email: "zoe@example.org" });
  const cospeaker = await createUser(db, { name: "Siân Ní", email: "sian@example.org" });
  const [workshop] = event.sessionTypes.filter((s) => s.name !== "Talk");
  const submitted = await createProposal(db, { event, speaker, cospeakers: [cospeaker], title: '=HYPERLINK("x") Zero-copy, parsing' });
  const accepted = await createProposal(db, { event, status: "accepted", title: "Accepted talk" });
  const waitlisted = await createProposal(db, { event, status: "waitlisted", title: "Waitlisted talk", sessionType: workshop });
  const pending = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED", title: "Pending talk", track: null });
  const draft = await createProposal(db, { event, status: "draft", title: "Secret draft" });
  const own = await createProposal(db, { event, speaker: organizer, title: "The organizer's own talk" });
  await createReview(db, { proposal: submitted, reviewer, score: 5, comment: "Great." });
  await createReview(db, { proposal: own, reviewer, score: 1, comment: "Own talk review." });

  const other = await createEvent(db);
  await createProposal(db, { event: other, title: "Other event's talk" });

  const token = async (scopes: ApiScope[] = [...API_SCOPES], target = event, by = organizer) =>
    (await createApiToken(db, signedInAs(by.id), target.id, { name: "test", scopes, expiresIn: "30" })).token;
  return {
    event,
    organizer,
    reviewer,
    speaker,
    cospeaker,
    submitted,
    accepted,
    waitlisted,
    pending,
    draft,
    own,
    other,
    token,
    addOrganizer,
  };
}
export type ApiWorld = Awaited<ReturnType<typeof apiWorld>>;

/** A GET to a route handler as a client would send it. */
export function apiRequest(path: string, token?: string | null, header?: string): Request {
  const headers: Record<string, string> = {};
  if (header !== undefined) headers.authorization = header;
  else if (token) headers.authorization = `Token ${token}`;
  return new Request(`http://localhost:3000${path}`, { headers });
}
