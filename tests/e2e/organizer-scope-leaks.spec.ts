import { signedInAs } from "@/lib/auth/actor";
import { expect, test } from "./support/fixtures";
import type { Db } from "@/lib/db/client";
import { inviteCoSpeaker } from "@/lib/cospeakers/invite";
import { publishDecisions } from "@/lib/lifecycle/decide";
import { ORGANIZER, REVIEWERS } from "@/prisma/seed-data/demo";
import { formatHits, prepareSecrets, scanForSecrets, type Secret } from "../support/leak-scanner";
import { unique, uniqueEmail } from "./support/data";
import { createDemo } from "./support/demo";
import { E2E_BASE_URL } from "./support/env";
import { crawl } from "./support/leak-crawl";
import { newUserCode } from "@/lib/identifiers/public-code";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";

// An organizer who co-speaks on a proposal of their event must find nothing
// of its review on any organizer page (HTML or RSC payload): not the
// proposal, its pending decision or its reviews. And no organizer page may
// carry a working speaker link, nor anything about a draft (issue 10,
// findings 2, 5 and 10; lib/auth/organizer-scope.ts, lib/text/secret-links.ts).

let db: Db;
let EVENT: string;
let organizerEmail: string;
let secrets: Secret[];

test.beforeAll(async ({ db: workerDb }) => {
  // The server's secret and address (start-server.mjs), so the links planted here are live ones.
  process.env.AUTH_SECRET ||= "e2e-secret-not-for-production-4f9c2a7b1d8e6f30";
  process.env.AUTH_URL = E2E_BASE_URL;
  db = workerDb;
  const demo = await createDemo(db);
  EVENT = demo.slug;
  const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT }, include: { sessionTypes: true } });
  const olivia = demo.user(ORGANIZER.name);
  const reviewer = demo.user(REVIEWERS[0].name);
  const tag = unique();

  organizerEmail = uniqueEmail("speaking-organizer");
  const organizer = await db.user.create({ data: { email: organizerEmail, name: `Kea Dualrole ${tag}`, code: await newUserCode(db) } });
  await db.eventMember.create({ data: { eventId: event.id, userId: organizer.id, role: "ORGANIZER" } });
  const speaker = await db.user.create({
    data: { email: uniqueEmail("kea-speaker"), name: `Kea Lead ${tag}`, code: await newUserCode(db) },
  });

  const plant = async (
    title: string,
    status: "DRAFT" | "SUBMITTED",
    speakers: string[],
    pendingDecision: "ACCEPTED" | "WAITLISTED" | null = null,
  ) => {
    const talk = await db.talk.create({
      data: { ownerId: speakers[0], title, abstract: `Abstract of ${title}.`, notes: "", level: "BEGINNER" },
    });
    return db.proposal.create({
      data: {
        ...(await newProposalIdentifiers(db, event.id)),
        eventId: event.id,
        talkId: talk.id,
        title,
        abstract: talk.abstract,
        level: "BEGINNER",
        sessionTypeId: event.sessionTypes[0].id,
        status,
        pendingDecision,
        submittedAt: status === "DRAFT" ? null : new Date(),
        speakers: { create: speakers.map((userId, i) => ({ userId, role: i === 0 ? ("OWNER" as const) : ("COSPEAKER" as const) })) },
      },
    });
  };
  // Their own talk, under review: a pending decision, a review, an assignment.
  const own = await plant(`Kea Own Talk ${tag}`, "SUBMITTED", [speaker.id, organizer.id], "WAITLISTED");
  const comment = `kea-own-review-comment-${tag}`;
  const review = await db.review.create({ data: { proposalId: own.id, reviewerId: reviewer.id, score: 0.75, comment } });
  await db.reviewAssignment.create({ data: { eventId: event.id, proposalId: own.id, reviewerId: reviewer.id, source: "MANUAL" } });
  // Someone else's draft with a co-speaker invitation, and a talk accepted with a confirmation link.
  const draft = await plant(`Kea Secret Draft ${tag}`, "DRAFT", [speaker.id]);
  const invitee = uniqueEmail("kea-draft-invitee");
  await inviteCoSpeaker(db, signedInAs(speaker.id), draft.id, invitee);
  const accepted = await plant(`Kea Accepted ${tag}`, "SUBMITTED", [speaker.id], "ACCEPTED");
  expect((await publishDecisions(db, signedInAs(olivia.id), event.id, [accepted.id])).changed).toBe(1);

  const tokens = new Set<string>();
  for (const m of await db.outboxEmail.findMany({ where: { to: { in: [speaker.email, invitee] } }, select: { text: true } })) {
    for (const [, t] of m.text.matchAll(/\/(?:respond|invitations)\/([A-Za-z0-9_.-]{20,})/g)) tokens.add(t);
  }
  expect(tokens.size, "a confirmation link and an invitation link were planted").toBe(2);
  const other = (value: string, owner: string): Secret => ({ kind: "other", value, owner });
  secrets = [
    other(own.id, "their own proposal's id"),
    other(own.title, "their own proposal's title"),
    other(review.id, "the review of their own proposal"),
    other(comment, "the review of their own proposal"),
    other(draft.id, "a draft"),
    other(draft.title, "a draft"),
    { kind: "email", value: invitee, owner: "a draft's invitee" },
    ...[...tokens].map((t) => other(t, "a working speaker link")),
  ];
});

test("an organizer who speaks on a proposal finds nothing of its review, nor any working link or draft, on any organizer page", async ({
  page,
  signIn,
}) => {
  test.setTimeout(300_000);
  await signIn(page, organizerEmail);
  const pages = [
    "",
    "ranking",
    "assignments",
    "reviewers",
    "conflicts",
    "decisions",
    "emails",
    "emails?status=sent",
    "emails?status=queued",
  ];
  const crawled = await crawl(
    page.request,
    E2E_BASE_URL,
    pages.map((p) => `/organize/${EVENT}${p ? `/${p}` : ""}`),
    160,
  );
  const organizerPages = crawled.received.filter((r) => new URL(r.url, E2E_BASE_URL).pathname.startsWith("/organize"));
  const at = (path: string) => organizerPages.find((r) => r.variant === "html" && r.url === path);
  // A crawl that was turned away must not pass for a clean one.
  expect(at(`/organize/${EVENT}`), "the proposal list").toMatchObject({ status: 200, body: expect.stringContaining("Proposals") });
  expect(at(`/organize/${EVENT}/emails`)?.body, "the outbox lists the acceptance").toContain("Kea Accepted");
  expect(at(`/organize/${EVENT}/emails`)?.body).toContain("/respond/[the speaker");

  const prepared = prepareSecrets(secrets);
  const leaks = organizerPages.flatMap((r) =>
    scanForSecrets(r.body, prepared).leaks.map((h) => ({ ...h, where: `${r.variant} ${r.url} (${r.status})` })),
  );
  expect(leaks, `found on organizer pages:\n${formatHits(leaks.slice(0, 20))}`).toEqual([]);
});
