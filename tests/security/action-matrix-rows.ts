import { signedInAs } from "@/lib/auth/actor";
import { readFileSync } from "node:fs";
import path from "node:path";
// The authorization matrix's table: one row per server action (a few
// actions have a second scenario), with what the row needs beyond the shared
// world, the form a person would post, how the action is called (the page
// binds ids as leading arguments), and who may succeed. Every other actor in
// ACTORS must be refused without a trace. Not a test file: action-matrix.test.ts
// runs it.
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { storedToken } from "@/lib/sign-in/sign-in-link";
import { createApiToken } from "@/lib/api/tokens";
import { makeResponseToken } from "@/lib/lifecycle/response-token";
import { utcToZonedLocal } from "@/lib/events/time-zone";
import { companyKey } from "@/lib/profile/company-key";
import { planAutoAssignment } from "@/lib/assignment/run-assignment";
import { planPublication } from "@/lib/lifecycle/publish-plan";
import { planOwnConflict } from "@/lib/reviews/conflicts/declare";
import { assignProposal, createEvent, createInvitation, createUser } from "@/tests/factories";
import { SIGNED_IN, type ActorKind, type World } from "./support/world";

export type Ctx = Record<string, string>;
export type Form = Record<string, string | string[]>;
// Server actions have many shapes; the row's `call` knows its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = (...args: any[]) => Promise<unknown>;

export type Row = {
  /** "<file under app/>#<export>". */
  action: string;
  scenario?: string;
  /** Actors whose call must succeed; everyone else in ACTORS must be refused. */
  allowed: readonly ActorKind[];
  /** The rightful actor when it is not one of ACTORS (an invitee); always allowed. */
  rightful?: (db: Db, w: World, ctx: Ctx) => Promise<User>;
  setup?: (db: Db, w: World) => Promise<Ctx>;
  form: (w: World, ctx: Ctx) => Form;
  call: (fn: AnyAction, w: World, ctx: Ctx, fd: FormData) => Promise<unknown>;
  /** Default true: an allowed call writes something (checked for the rightful actor). */
  writes?: boolean;
  /** Environment for the call (e.g. DEMO_MODE). */
  env?: Record<string, string>;
  /**
   * A bulk action the organizer who speaks on `proposal` may call: it must
   * then skip that proposal (nothing about it changes, nothing about its
   * review is told), as lib/auth/organizer-scope.ts says. Without it, that
   * organizer is allowed only where `allowed` says so, and refused otherwise.
   */
  skipsOwnProposal?: true;
};

const state =
  (fn: AnyAction, ...bound: unknown[]) =>
  (fd: FormData) =>
    fn(...bound, {}, fd);
const speakers: readonly ActorKind[] = ["speakingOrganizer", "speaker", "cospeaker"];
const organizer: readonly ActorKind[] = ["organizer"];
/** Event-wide organizer actions, or ones about a proposal the speaking organizer does not speak on. */
const organizers: readonly ActorKind[] = ["speakingOrganizer", "organizer"];
const reviewTeam: readonly ActorKind[] = ["reviewer", "organizer"];
const everyone: readonly ActorKind[] = ["anonymous", ...SIGNED_IN];

const ORG = "(organize)/organize/[slug]";

/** A question on the world's event (position `position`). */
function questionOf(db: Db, w: World, position = 0) {
  return db.question.create({
    data: {
      eventId: w.event.id,
      target: "SUBMISSION",
      variant: "STRING",
      question: `Anything reviewers should know? ${position}`,
      position,
    },
  });
}

/** A tag of the world's event, for the tag actions. */
async function tagSetup(db: Db, w: World): Promise<Ctx> {
  const tag = await db.tag.create({ data: { eventId: w.event.id, name: "Internal", nameKey: "internal" } });
  return { tagId: tag.id };
}

function eventForm(w: World, overrides: Form = {}): Form {
  const e = w.event;
  return {
    name: "Open Source Lagoon 2030 (renamed)",
    slug: e.slug,
    description: "Updated description.",
    timeZone: e.timeZone,
    cfpOpensAt: utcToZonedLocal(e.cfpOpensAt, e.timeZone),
    cfpClosesAt: utcToZonedLocal(e.cfpClosesAt, e.timeZone),
    ...Object.fromEntries(
      e.sessionTypes.flatMap((s, i) => [
        [`sessionTypes.${i}.id`, s.id],
        [`sessionTypes.${i}.name`, s.name],
        [`sessionTypes.${i}.durationMinutes`, String(s.durationMinutes)],
      ]),
    ),
    ...Object.fromEntries(
      e.tracks.flatMap((t, i) => [
        [`tracks.${i}.id`, t.id],
        [`tracks.${i}.name`, t.name],
      ]),
    ),
    ...overrides,
  };
}

const proposalForm = (w: World): Form => ({
  title: "A fresh title typed by the actor",
  abstract: "A fresh abstract typed by the actor.",
  notes: "",
  level: "BEGINNER",
  sessionTypeId: w.event.sessionTypes[0].id,
  trackId: w.event.tracks[0].id,
  intent: "draft",
});

/** A sign-in link as next-auth stores it (hashed with the secret), for an address without an account. */
async function signInLink(db: Db): Promise<Ctx> {
  const token = "matrix-sign-in-link-token-0123456789abcdef";
  const email = "link.holder@example.net";
  await db.verificationToken.create({
    data: { identifier: email, token: storedToken(token, process.env.AUTH_SECRET!), expires: new Date(Date.now() + 86_400_000) },
  });
  return { token, email };
}

async function outboxEmail(db: Db, w: World, status: "HELD" | "FAILED"): Promise<Ctx> {
  const mail = await db.outboxEmail.create({
    data: {
      to: w.speaker.email,
      subject: `Accepted: ${w.proposal.title}`,
      text: `Hi ${w.speaker.name}`,
      kind: "accepted",
      eventId: w.event.id,
      proposalId: w.proposal.id,
      status,
      attempts: status === "FAILED" ? 5 : 0,
      lastError: status === "FAILED" ? "550 mailbox unavailable" : null,
    },
  });
  return { emailId: mail.id };
}

async function accepted(db: Db, w: World): Promise<Ctx> {
  await db.proposal.update({ where: { id: w.proposal.id }, data: { status: "ACCEPTED", decidedAt: new Date() } });
  return {};
}

/** A webhook endpoint of the world's event with one delivered message. */
async function webhookEndpoint(db: Db, w: World): Promise<Ctx> {
  const endpoint = await db.webhookEndpoint.create({
    data: { eventId: w.event.id, url: "https://hooks.example.org/cfp", secret: "whsec_dGVzdA==", eventTypes: "proposal.submitted" },
  });
  const delivery = await db.webhookDelivery.create({
    data: { endpointId: endpoint.id, messageId: "msg_matrix", eventType: "proposal.submitted", payload: "{}", status: "DELIVERED" },
  });
  return { endpointId: endpoint.id, deliveryId: delivery.id };
}

const PRETALX_FILE = JSON.stringify({
  results: [
    {
      code: "MTRX1",
      title: "An imported talk",
      abstract: "Imported.",
      state: "submitted",
      speakers: [{ code: "SPKR1", name: "Imported Person", email: "imported.person@example.net" }],
    },
  ],
});

export const ROWS: Row[] = [
  // ---- review team ----
  {
    action: "_lib/discussion-actions.ts#addCommentAction",
    allowed: reviewTeam,
    form: (w) => ({ proposalId: w.proposal.id, body: "A new comment typed by the actor." }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "(review)/review/[slug]/[proposalId]/actions.ts#saveReviewAction",
    allowed: reviewTeam,
    form: (w) => ({ proposalId: w.proposal.id, [`score.${w.event.criteria[0].id}`]: "4", comment: "Typed by the actor." }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  // Declaring posts the fingerprint of the confirmation's preview (the declarer's own review): each
  // scenario previews as one member of the team; for the other, the preview no longer matches and it is refused.
  {
    action: "(review)/review/[slug]/[proposalId]/actions.ts#declareConflictAction",
    scenario: "as previewed by the reviewer, whose review it deletes",
    allowed: ["reviewer"],
    setup: async (db, w) => ({ fingerprint: (await planOwnConflict(db, signedInAs(w.reviewer.id), w.proposal.id)).fingerprint }),
    form: (w, ctx) => ({ proposalId: w.proposal.id, fingerprint: ctx.fingerprint }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "(review)/review/[slug]/[proposalId]/actions.ts#declareConflictAction",
    scenario: "as previewed by the organizer, who has no review of it",
    allowed: ["organizer"],
    setup: async (db, w) => ({ fingerprint: (await planOwnConflict(db, signedInAs(w.organizer.id), w.proposal.id)).fingerprint }),
    form: (w, ctx) => ({ proposalId: w.proposal.id, fingerprint: ctx.fingerprint }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },

  // ---- organizers: outbox and templates ----
  {
    action: `${ORG}/emails/actions.ts#heldAction`,
    allowed: organizer,
    setup: (db, w) => outboxEmail(db, w, "HELD"),
    form: (_w, c) => ({ intent: "release", id: c.emailId }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/emails/actions.ts#retryAction`,
    allowed: organizer,
    setup: (db, w) => outboxEmail(db, w, "FAILED"),
    form: (_w, c) => ({ id: c.emailId }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/emails/[kind]/actions.ts#templateAction`,
    scenario: "save",
    allowed: organizers,
    form: (w) => ({
      intent: "save",
      subject: "Accepted: {talk_title}",
      body: "Hi {speaker_name}, confirm here: {confirm_url}",
      proposal: w.proposal.id,
    }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, "accepted")(fd),
  },
  {
    action: `${ORG}/emails/[kind]/actions.ts#templateAction`,
    scenario: "preview with a proposal's speaker",
    allowed: organizer,
    writes: false,
    form: (w) => ({ intent: "preview", subject: "Accepted: {talk_title}", body: "Hi {speaker_name}", proposal: w.proposal.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, "accepted")(fd),
  },

  // ---- organizers: event and team ----
  {
    action: "(organize)/organize/new/actions.ts#createEventAction",
    allowed: SIGNED_IN,
    form: (w) => eventForm(w, { name: "Brand New Conf", slug: "brand-new-conf-2031" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "(organize)/organize/new/actions.ts#createEventAction",
    scenario: "EVENT_CREATORS lists one address (in another case)",
    allowed: organizer,
    env: { EVENT_CREATORS: "Orla.Mendes.Quark@Example.com" },
    form: (w) => eventForm(w, { name: "Brand New Conf", slug: "brand-new-conf-2031" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "(organize)/organize/new/actions.ts#createEventAction",
    scenario: "EVENT_CREATORS lists a domain nobody here is at",
    allowed: [],
    env: { EVENT_CREATORS: "@example.org" },
    form: (w) => eventForm(w, { name: "Brand New Conf", slug: "brand-new-conf-2031" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: `${ORG}/settings/actions.ts#updateEventAction`,
    allowed: organizers,
    form: (w) => eventForm(w),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  // ---- organizers: custom questions (lib/questions) ----
  {
    action: `${ORG}/questions/actions.ts#saveQuestionAction`,
    scenario: "new question",
    allowed: organizers,
    form: (w) => ({
      target: "SUBMISSION",
      variant: "CHOICES",
      question: "Travel support?",
      options: "No\nYes",
      trackIds: [w.event.tracks[0].id],
    }),
    call: (fn, w, _c, fd) => state(fn, { eventId: w.event.id, slug: w.event.slug, questionId: null })(fd),
  },
  {
    action: `${ORG}/questions/actions.ts#saveQuestionAction`,
    scenario: "edit",
    allowed: organizers,
    setup: async (db, w) => ({ questionId: (await questionOf(db, w)).id }),
    form: () => ({ target: "SUBMISSION", variant: "STRING", question: "Anything reviewers should know? (edited)" }),
    call: (fn, w, c, fd) => state(fn, { eventId: w.event.id, slug: w.event.slug, questionId: c.questionId })(fd),
  },
  {
    action: `${ORG}/questions/actions.ts#moveQuestionAction`,
    allowed: organizers,
    setup: async (db, w) => {
      await questionOf(db, w);
      return { questionId: (await questionOf(db, w, 1)).id };
    },
    form: (_w, c) => ({ questionId: c.questionId, direction: "up" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: `${ORG}/questions/actions.ts#deleteQuestionAction`,
    allowed: organizers,
    setup: async (db, w) => {
      const q = await questionOf(db, w);
      await db.answer.create({ data: { questionId: q.id, proposalId: w.proposal.id, answer: "HDMI please" } });
      return { questionId: q.id };
    },
    form: (_w, c) => ({ questionId: c.questionId, confirmAnswers: "on" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: `${ORG}/api-tokens/actions.ts#createApiTokenAction`,
    allowed: organizers,
    form: () => ({ name: "Website", scopes: ["proposals", "speakers"], expiresIn: "30" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/api-tokens/actions.ts#revokeApiTokenAction`,
    allowed: organizers,
    setup: async (db, w) => ({
      tokenId: (
        await createApiToken(db, signedInAs(w.organizer.id), w.event.id, { name: "Website", scopes: ["proposals"], expiresIn: "30" })
      ).id,
    }),
    form: (_w, c) => ({ tokenId: c.tokenId }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/team/actions.ts#inviteTeamMemberAction`,
    allowed: organizers,
    form: () => ({ email: "new.team.member@example.net", role: "REVIEWER" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/team/actions.ts#removeTeamMemberAction`,
    allowed: organizers,
    form: (w) => ({ memberId: w.reviewerMemberId }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/review-settings/actions.ts#updateReviewSettingsAction`,
    allowed: organizers,
    form: (w) => {
      const c = w.event.criteria[0];
      return {
        blindReview: "on",
        reviewVisibility: "AFTER_OWN_REVIEW",
        reviewsPerProposal: "3",
        ratingGuide: "Score the talk, not the speaker.",
        "criteria.0.id": c.id,
        "criteria.0.name": c.name,
        "criteria.0.description": "",
        "criteria.0.minScore": String(c.minScore),
        "criteria.0.maxScore": String(c.maxScore),
        "criteria.0.weight": "2",
      };
    },
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },

  // ---- organizers: conflicts ----
  {
    action: `${ORG}/conflicts/actions.ts#resolveFlagAction`,
    // The speaking organizer shares the proposal with the speaker: the flag is not theirs to resolve.
    allowed: organizer,
    setup: async (db, w) => {
      // The reviewer works where the speaker works: an open affiliation flag.
      const company = "Ferrous Industries";
      await db.speakerProfile.create({ data: { userId: w.reviewer.id, company, companyKey: companyKey(company) } });
      return {};
    },
    form: (w) => ({ reviewerId: w.reviewer.id, speakerId: w.speaker.id, decision: "dismiss" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/conflicts/actions.ts#removeConflictAction`,
    allowed: organizer,
    form: (w) => ({ kind: "proposal", id: w.conflictId }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/conflicts/actions.ts#declareConflictAction`,
    allowed: organizers,
    form: (w) => ({ reviewerId: w.reviewer.id, with: `proposal:${w.otherProposal.id}` }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/conflicts/actions.ts#declareConflictAction`,
    scenario: "with the proposal the second organizer speaks on",
    allowed: organizer,
    form: (w) => ({ reviewerId: w.reviewer.id, with: `proposal:${w.proposal.id}` }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/conflicts/actions.ts#declareConflictAction`,
    scenario: "with a speaker of the proposal the second organizer speaks on",
    allowed: organizer,
    form: (w) => ({ reviewerId: w.reviewer.id, with: `speaker:${w.speaker.id}` }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },

  // ---- organizers: decisions ----
  {
    action: `${ORG}/decisions/actions.ts#decideAction`,
    allowed: organizer,
    skipsOwnProposal: true,
    form: (w) => ({ operation: "ACCEPTED", proposalId: [w.proposal.id, w.otherProposal.id] }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/decisions/actions.ts#publishAllAction`,
    allowed: organizer,
    skipsOwnProposal: true,
    setup: async (db, w) => {
      await db.proposal.update({ where: { id: w.proposal.id }, data: { pendingDecision: "ACCEPTED" } });
      return { fingerprint: (await planPublication(db, signedInAs(w.organizer.id), w.event.id)).fingerprint };
    },
    form: (_w, ctx) => ({ fingerprint: ctx.fingerprint }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/decisions/actions.ts#remindAction`,
    allowed: organizer,
    skipsOwnProposal: true,
    setup: accepted,
    form: (w) => ({ proposalId: w.proposal.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/decisions/actions.ts#promoteAction`,
    allowed: organizer,
    setup: async (db, w) => {
      await db.proposal.update({ where: { id: w.proposal.id }, data: { status: "WAITLISTED", decidedAt: new Date() } });
      return {};
    },
    form: (w) => ({ sessionTypeId: w.proposal.sessionTypeId!, proposalId: w.proposal.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/decisions/actions.ts#decisionSettingsAction`,
    allowed: organizers,
    form: () => ({ confirmationDeadline: "", autoPromoteWaitlist: "on", holdOutbox: "on" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },

  // ---- organizers: assignments ----
  {
    action: `${ORG}/assignments/actions.ts#runAutoAssignmentAction`,
    allowed: organizer,
    skipsOwnProposal: true,
    setup: async (db, w) => ({ fingerprint: (await planAutoAssignment(db, signedInAs(w.organizer.id), w.event.id)).fingerprint }),
    form: (_w, ctx) => ({ fingerprint: ctx.fingerprint }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/assignments/actions.ts#assignReviewerAction`,
    allowed: organizers,
    form: (w) => ({ proposalId: w.otherProposal.id, reviewerId: w.reviewer.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/assignments/actions.ts#unassignReviewerAction`,
    allowed: organizers,
    setup: async (db, w) => {
      await assignProposal(db, { proposal: w.otherProposal, reviewer: w.reviewer });
      return {};
    },
    form: (w) => ({ proposalId: w.otherProposal.id, reviewerId: w.reviewer.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/assignments/actions.ts#assignReviewerAction`,
    scenario: "to the proposal the second organizer speaks on",
    allowed: organizer,
    form: (w) => ({ proposalId: w.proposal.id, reviewerId: w.reviewer.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/assignments/actions.ts#unassignReviewerAction`,
    scenario: "from the proposal the second organizer speaks on",
    allowed: organizer,
    setup: async (db, w) => {
      await assignProposal(db, { proposal: w.proposal, reviewer: w.reviewer });
      return {};
    },
    form: (w) => ({ proposalId: w.proposal.id, reviewerId: w.reviewer.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/assignments/actions.ts#updateReviewerPreferencesAction`,
    allowed: organizers,
    form: (w) => ({ memberId: w.reviewerMemberId, reviewCap: "3", trackIds: [w.event.tracks[0].id] }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },

  // ---- sign-in: open to everyone by nature ----
  {
    action: "signin/actions.ts#emailSignInAction",
    allowed: everyone,
    form: () => ({ email: "fresh.person@example.net", callbackUrl: "/speaker" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "signin/actions.ts#demoSignInAction",
    scenario: "demo mode, a demo account",
    allowed: everyone,
    env: { DEMO_MODE: "1" },
    setup: async (db) => {
      const demo = await createUser(db, { name: "Dana Demo", email: "dana.demo@example.com" });
      await db.user.update({ where: { id: demo.id }, data: { isDemo: true } });
      return { email: demo.email };
    },
    form: (_w, c) => ({ email: c.email, callbackUrl: "/" }),
    call: (fn, _w, _c, fd) => fn(fd),
  },
  {
    action: "signin/actions.ts#demoSignInAction",
    scenario: "demo mode, a real account",
    allowed: [],
    env: { DEMO_MODE: "1" },
    form: (w) => ({ email: w.organizer.email, callbackUrl: "/" }),
    call: (fn, _w, _c, fd) => fn(fd),
  },
  {
    action: "signin/actions.ts#demoSignInAction",
    scenario: "outside demo mode",
    allowed: [],
    env: { DEMO_MODE: "" },
    setup: async (db) => {
      const demo = await createUser(db, { name: "Dana Demo", email: "dana.demo@example.com" });
      await db.user.update({ where: { id: demo.id }, data: { isDemo: true } });
      return { email: demo.email };
    },
    form: (_w, c) => ({ email: c.email, callbackUrl: "/" }),
    call: (fn, _w, _c, fd) => fn(fd),
  },
  {
    action: "signin/actions.ts#confirmSignInAction",
    scenario: "a valid sign-in link, whoever holds it",
    allowed: everyone,
    setup: signInLink,
    form: (_w, c) => ({ email: c.email, token: c.token, callbackUrl: "/speaker" }),
    call: (fn, _w, _c, fd) => fn(fd),
  },
  {
    action: "signin/actions.ts#confirmSignInAction",
    scenario: "another address's token with a victim's address",
    allowed: [],
    setup: signInLink,
    form: (w, c) => ({ email: w.speaker.email, token: c.token, callbackUrl: "/speaker" }),
    call: (fn, _w, _c, fd) => fn(fd),
  },
  {
    action: "signin/actions.ts#gitHubSignInAction",
    allowed: everyone,
    writes: false,
    form: () => ({ callbackUrl: "/" }),
    call: (fn, _w, _c, fd) => fn(fd),
  },
  {
    action: "signin/actions.ts#signOutAction",
    allowed: everyone,
    writes: false,
    form: () => ({}),
    call: (fn) => fn(),
  },

  // ---- links that are their own credential ----
  {
    action: "respond/[token]/actions.ts#respondByLinkAction",
    scenario: "a valid signed link",
    allowed: everyone,
    setup: async (db, w) => {
      await accepted(db, w);
      return {
        token: makeResponseToken({ proposalId: w.proposal.id, userId: w.speaker.id, expiresAt: new Date(Date.now() + 86_400_000) }),
      };
    },
    form: (_w, c) => ({ token: c.token, answer: "confirm" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "respond/[token]/actions.ts#respondByLinkAction",
    scenario: "a forged link (signature of another proposal)",
    allowed: [],
    setup: async (db, w) => {
      await accepted(db, w);
      const real = makeResponseToken({
        proposalId: w.otherProposal.id,
        userId: w.otherSpeaker.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      const forged = makeResponseToken({ proposalId: w.proposal.id, userId: w.speaker.id, expiresAt: new Date(Date.now() + 86_400_000) });
      return { token: `${forged.split(".")[0]}.${real.split(".")[1]}` };
    },
    form: (_w, c) => ({ token: c.token, answer: "confirm" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "invitations/[token]/actions.ts#respondToInvitationAction",
    allowed: [],
    setup: async (db, w) => {
      const { token } = await createInvitation(db, { proposal: w.proposal, email: "ivy.invitee@example.net" });
      return { token };
    },
    rightful: (db) => createUser(db, { name: "Ivy Invitee", email: "ivy.invitee@example.net" }),
    form: (_w, c) => ({ token: c.token, answer: "accept" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },

  // ---- speakers ----
  {
    action: "(speaker)/events/[slug]/submit/actions.ts#createProposalAction",
    allowed: SIGNED_IN,
    form: (w) => ({ ...proposalForm(w), intent: "submit" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: "(speaker)/events/[slug]/submit/actions.ts#createProposalAction",
    scenario: "a talk from the speaker's library, to another event, as a title-only draft",
    // Only the talk's owner copies it (ADR 0020): anyone else's attempt is "not found" and writes nothing.
    allowed: ["speaker"],
    setup: async (db) => ({ eventId: (await createEvent(db, { name: "Library Copy Conference 2030" })).id }),
    form: (w) => ({ title: "The same talk, again", talkId: w.proposal.talkId, intent: "draft" }),
    call: (fn, _w, c, fd) => state(fn, c.eventId)(fd),
  },
  {
    action: "(speaker)/speaker/profile/actions.ts#updateProfileAction",
    allowed: SIGNED_IN,
    form: () => ({ name: "A name typed by the actor", bio: "", company: "", location: "", website: "", github: "", mastodon: "" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: "(speaker)/speaker/profile/actions.ts#saveSpeakerAnswersAction",
    // Whoever speaks on a proposal of the event answers its speaker questions; nobody else.
    allowed: [...speakers, "otherSpeaker"],
    setup: async (db, w) => {
      const q = await db.question.create({
        data: { eventId: w.event.id, target: "SPEAKER", variant: "STRING", question: "Your pronouns" },
      });
      return { questionId: q.id };
    },
    form: (_w, c) => ({ [`q.${c.questionId}`]: ["", "they/them"] }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: "(speaker)/speaker/proposals/[id]/actions.ts#updateProposalAction",
    allowed: speakers,
    form: (w) => proposalForm(w),
    call: (fn, w, _c, fd) => state(fn, w.proposal.id)(fd),
  },
  {
    action: "(speaker)/speaker/proposals/[id]/actions.ts#withdrawProposalAction",
    allowed: speakers,
    form: () => ({ confirm: "yes" }),
    call: (fn, w, _c, fd) => state(fn, w.proposal.id)(fd),
  },
  {
    action: "(speaker)/speaker/proposals/[id]/actions.ts#respondAction",
    allowed: speakers,
    setup: accepted,
    form: () => ({ answer: "confirm" }),
    call: (fn, w, _c, fd) => state(fn, w.proposal.id)(fd),
  },
  {
    action: "(speaker)/speaker/proposals/[id]/cospeaker-actions.ts#inviteCoSpeakerAction",
    allowed: speakers,
    form: () => ({ email: "new.cospeaker@example.net" }),
    call: (fn, w, _c, fd) => state(fn, w.proposal.id)(fd),
  },
  {
    action: "(speaker)/speaker/proposals/[id]/cospeaker-actions.ts#resendInvitationAction",
    allowed: speakers,
    setup: async (db, w) => {
      const { invitation } = await createInvitation(db, { proposal: w.proposal, lastSentAt: new Date(Date.now() - 5 * 60_000) });
      return { invitationId: invitation.id };
    },
    form: (_w, c) => ({ invitationId: c.invitationId }),
    call: (fn, w, _c, fd) => state(fn, w.proposal.id)(fd),
  },
  {
    action: "(speaker)/speaker/proposals/[id]/cospeaker-actions.ts#revokeInvitationAction",
    allowed: speakers,
    setup: async (db, w) => {
      const { invitation } = await createInvitation(db, { proposal: w.proposal });
      return { invitationId: invitation.id };
    },
    form: (_w, c) => ({ invitationId: c.invitationId }),
    call: (fn, w, _c, fd) => state(fn, w.proposal.id)(fd),
  },

  // ---- organizers: webhooks and imports (lib/webhooks, lib/imports) ----
  {
    action: `${ORG}/webhooks/actions.ts#createWebhookAction`,
    allowed: organizers,
    form: () => ({ url: "https://hooks.example.org/cfp", eventTypes: ["proposal.submitted", "decision.published"] }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/webhooks/actions.ts#setWebhookActiveAction`,
    allowed: organizers,
    setup: webhookEndpoint,
    form: (_w, c) => ({ endpointId: c.endpointId, active: "false" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: `${ORG}/webhooks/actions.ts#deleteWebhookAction`,
    allowed: organizers,
    setup: webhookEndpoint,
    form: (_w, c) => ({ endpointId: c.endpointId }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: `${ORG}/webhooks/actions.ts#resendDeliveryAction`,
    allowed: organizers,
    setup: webhookEndpoint,
    form: (_w, c) => ({ deliveryId: c.deliveryId }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },
  {
    action: `${ORG}/import/actions.ts#uploadImportAction`,
    allowed: organizers,
    form: () => ({ format: "pretalx" }),
    call: (fn, w, _c, fd) => {
      fd.set("file", new File([PRETALX_FILE], "pretalx.json", { type: "application/json" }));
      return state(fn, w.event.id, w.event.slug)(fd);
    },
  },
  {
    action: `${ORG}/import/actions.ts#runImportAction`,
    allowed: organizers,
    setup: async (db, w) => {
      const upload = await db.importUpload.create({
        data: { eventId: w.event.id, userId: w.organizer.id, format: "pretalx", fileName: "pretalx.json", content: PRETALX_FILE },
      });
      return { uploadId: upload.id };
    },
    form: (_w, c) => ({ uploadId: c.uploadId }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/speakers/[userId]/erase/actions.ts#eraseSpeakerAction`,
    allowed: organizers,
    form: (w) => ({ speakerId: w.otherSpeaker.id }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },

  // ---- each person's own data ----
  {
    action: "(speaker)/speaker/profile/delete/actions.ts#eraseAccountAction",
    // Each signed-in person erases only themselves; the foreign organizer is their event's only organizer and is told to hand it on.
    allowed: SIGNED_IN.filter((a) => a !== "foreignOrganizer"),
    form: () => ({ confirmation: "DELETE" }),
    call: (fn, _w, _c, fd) => state(fn)(fd),
  },

  // The programme (schedule editor): the world's proposal is one the speaking organizer speaks on.
  {
    action: `${ORG}/programme/actions.ts#conferenceAction`,
    allowed: organizers,
    form: () => ({ startsOn: "2030-06-01", endsOn: "2030-06-02", venue: "Lagoon Hall", "rooms.0.name": "Main hall" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/programme/actions.ts#placeTalkAction`,
    scenario: "a talk the speaking organizer speaks on",
    allowed: organizer,
    setup: (db, w) => programmeSetup(db, w, { placed: false }),
    form: (w, c) => ({ proposalId: w.proposal.id, roomId: c.roomId, start: "2030-06-01T10:00", durationMinutes: "" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/programme/actions.ts#placeTalkAction`,
    scenario: "another talk",
    allowed: organizers,
    setup: (db, w) => programmeSetup(db, w, { placed: false }),
    form: (w, c) => ({ proposalId: w.otherProposal.id, roomId: c.roomId, start: "2030-06-01T11:00", durationMinutes: "" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/programme/actions.ts#addBlockAction`,
    allowed: organizers,
    setup: (db, w) => programmeSetup(db, w, { placed: false }),
    form: (_w, c) => ({ title: "Lunch", roomId: c.roomId, start: "2030-06-01T12:00", durationMinutes: "60" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/programme/actions.ts#moveItemAction`,
    allowed: organizer,
    setup: (db, w) => programmeSetup(db, w, { placed: true }),
    form: (_w, c) => ({ itemId: c.itemId, roomId: c.roomId, start: "2030-06-02T09:00", durationMinutes: "30" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/programme/actions.ts#removeItemAction`,
    allowed: organizer,
    setup: (db, w) => programmeSetup(db, w, { placed: true }),
    form: (_w, c) => ({ itemId: c.itemId }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/programme/actions.ts#publishAction`,
    allowed: organizers,
    setup: (db, w) => programmeSetup(db, w, { placed: true }),
    form: () => ({ note: "First programme" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.event.slug)(fd),
  },
  {
    action: `${ORG}/settings/actions.ts#speakerCapAction`,
    allowed: organizers,
    form: () => ({ maxProposalsPerSpeaker: "2" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  // The public pages' logo and accent colour (ADR 0023).
  {
    action: `${ORG}/settings/branding-actions.ts#uploadLogoAction`,
    allowed: organizers,
    form: () => ({}),
    call: (fn, w, _c, fd) => {
      fd.set(
        "logo",
        new Blob([readFileSync(path.join(__dirname, "../fixtures/branding/logo-120x40.png"))], { type: "image/png" }),
        "logo.png",
      );
      return state(fn, w.event.id)(fd);
    },
  },
  {
    action: `${ORG}/settings/branding-actions.ts#removeLogoAction`,
    allowed: organizers,
    setup: async (db, w) => {
      await db.eventBranding.create({
        data: {
          eventId: w.event.id,
          logo: new Uint8Array([1]),
          logoType: "image/png",
          logoWidth: 1,
          logoHeight: 1,
          logoHash: "0123456789abcdef",
        },
      });
      return {};
    },
    form: () => ({}),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/settings/branding-actions.ts#accentColorAction`,
    allowed: organizers,
    form: () => ({ accentColor: "#1f5f8b" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/tags/actions.ts#createTagAction`,
    allowed: organizers,
    form: () => ({ name: "Needs mentor", color: "#1f6feb", public: "on" }),
    call: (fn, w, _c, fd) => state(fn, w.event.id)(fd),
  },
  {
    action: `${ORG}/tags/actions.ts#updateTagAction`,
    allowed: organizers,
    setup: tagSetup,
    form: () => ({ name: "Renamed tag", color: "" }),
    call: (fn, w, c, fd) => state(fn, w.event.id, c.tagId)(fd),
  },
  {
    action: `${ORG}/tags/actions.ts#deleteTagAction`,
    allowed: organizers,
    setup: tagSetup,
    form: () => ({}),
    call: (fn, w, c, fd) => state(fn, w.event.id, c.tagId)(fd),
  },
  {
    action: `${ORG}/tags/actions.ts#bulkTagAction`,
    allowed: organizer,
    skipsOwnProposal: true,
    setup: tagSetup,
    form: (w, c) => ({ tagId: c.tagId, proposalId: [w.proposal.id, w.otherProposal.id] }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, "add")(fd),
  },
  {
    action: `${ORG}/tags/actions.ts#setProposalTagsAction`,
    allowed: organizer,
    setup: tagSetup,
    form: (_w, c) => ({ tagId: [c.tagId] }),
    call: (fn, w, _c, fd) => state(fn, w.event.id, w.proposal.id)(fd),
  },
];

/** Confirmed talks, a room, and (placed) the world's proposal in it. */
async function programmeSetup(db: Db, w: World, { placed }: { placed: boolean }): Promise<Ctx> {
  await db.proposal.updateMany({ where: { id: { in: [w.proposal.id, w.otherProposal.id] } }, data: { status: "CONFIRMED" } });
  await db.event.update({ where: { id: w.event.id }, data: { conferenceStartsOn: "2030-06-01", conferenceEndsOn: "2030-06-02" } });
  const room = await db.room.create({ data: { eventId: w.event.id, name: "Main hall", guid: "0b7f2a9e-3c41-4d5e-8f60-1a2b3c4d5e6f" } });
  if (!placed) return { roomId: room.id };
  const item = await db.scheduleItem.create({
    data: {
      eventId: w.event.id,
      roomId: room.id,
      proposalId: w.proposal.id,
      startsAt: new Date("2030-06-01T08:00:00Z"),
      durationMinutes: 30,
      guid: "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
    },
  });
  return { roomId: room.id, itemId: item.id };
}
