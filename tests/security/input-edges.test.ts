// Input at the edges, posted through the real server actions: every limited
// field at its limit and one over (counted in graphemes, so emoji and
// combining sequences are never split or double-counted), NUL bytes,
// direction overrides and zero-width characters, and email addresses that
// differ only by case or Unicode form. Each gets a clear error next to its
// field or is normalized; nothing crashes, nothing is half-written, no
// address becomes a second account.
import "./support/mock-next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { textLength } from "@/lib/text/length";
import { REPO_ROOT } from "@/tests/support/paths";
import { useTestDb } from "@/tests/support/test-db";
import { ROWS, type AnyAction, type Ctx, type Form, type Row } from "./action-matrix-rows";
import { fullSnapshot } from "@/tests/support/snapshot";
import { resetRequest, setActor, setRequestHeaders } from "./support/next-mocks";
import { actorUser, buildWorld, type ActorKind, type World } from "./support/world";

const getDb = useTestDb();
const BASE = "http://localhost:3000";

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
  vi.stubEnv("AUTH_URL", BASE);
});
afterEach(() => vi.unstubAllEnvs());

function row(action: string, scenario?: string): Row {
  const found = ROWS.find((r) => r.action.endsWith(action) && r.scenario === scenario);
  if (!found) throw new Error(`no matrix row for ${action}`);
  return found;
}

type Outcome = { state?: { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[] | undefined> }; redirect?: string };

/** Posts the row's form with `overrides`, as `actor`. */
async function post(r: Row, actor: ActorKind, overrides: Form, world?: { w: World; ctx: Ctx }): Promise<Outcome & { w: World; ctx: Ctx }> {
  const db = getDb();
  const w = world?.w ?? (await buildWorld(db));
  const ctx = world?.ctx ?? (await r.setup?.(db, w)) ?? {};
  setActor(actorUser(w, actor));
  const [file, name] = r.action.split("#");
  const fn = ((await import(/* @vite-ignore */ `${REPO_ROOT}app/${file}`)) as Record<string, AnyAction>)[name];
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...r.form(w, ctx), ...overrides })) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  try {
    return { w, ctx, state: (await r.call(fn, w, ctx, fd)) as Outcome["state"] };
  } catch (e) {
    const digest = (e as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT;")) return { w, ctx, redirect: digest.split(";")[2] };
    throw e;
  }
}

const succeeded = (o: Outcome) => Boolean(o.redirect) || (o.state !== undefined && !o.state.formError);

// Multi-code-point graphemes: a ZWJ sequence with a skin tone (7 UTF-16 units) and a letter with two combining marks.
const CODER = "👩🏽‍💻";
const STACKED = "Z\u0324\u0308";

type Limited = { action: string; scenario?: string; actor: ActorKind; field: string; limit: number; fill?: (n: number) => string };
const LIMITED: Limited[] = [
  { action: "submit/actions.ts#createProposalAction", actor: "speaker", field: "title", limit: 150, fill: (n) => CODER.repeat(n) },
  { action: "submit/actions.ts#createProposalAction", actor: "speaker", field: "abstract", limit: 5000, fill: (n) => STACKED.repeat(n) },
  { action: "submit/actions.ts#createProposalAction", actor: "speaker", field: "notes", limit: 2000 },
  { action: "[id]/actions.ts#updateProposalAction", actor: "cospeaker", field: "title", limit: 150, fill: (n) => "e\u0301".repeat(n) },
  { action: "profile/actions.ts#updateProfileAction", actor: "speaker", field: "name", limit: 100, fill: (n) => CODER.repeat(n) },
  { action: "profile/actions.ts#updateProfileAction", actor: "speaker", field: "bio", limit: 2000 },
  { action: "profile/actions.ts#updateProfileAction", actor: "speaker", field: "company", limit: 100 },
  { action: "profile/actions.ts#updateProfileAction", actor: "speaker", field: "location", limit: 100 },
  { action: "profile/actions.ts#updateProfileAction", actor: "speaker", field: "mastodon", limit: 100 },
  {
    action: "profile/actions.ts#updateProfileAction",
    actor: "speaker",
    field: "website",
    limit: 300,
    fill: (n) => `https://example.org/${"a".repeat(n - 20)}`,
  },
  { action: "profile/actions.ts#updateProfileAction", actor: "speaker", field: "github", limit: 39 },
  { action: "[proposalId]/actions.ts#saveReviewAction", actor: "reviewer", field: "comment", limit: 3000, fill: (n) => CODER.repeat(n) },
  { action: "discussion-actions.ts#addCommentAction", actor: "reviewer", field: "body", limit: 2000 },
  { action: "settings/actions.ts#updateEventAction", actor: "organizer", field: "name", limit: 100 },
  { action: "settings/actions.ts#updateEventAction", actor: "organizer", field: "description", limit: 5000 },
  { action: "settings/actions.ts#updateEventAction", actor: "organizer", field: "sessionTypes.0.name", limit: 60 },
  { action: "settings/actions.ts#updateEventAction", actor: "organizer", field: "tracks.0.name", limit: 60 },
  { action: "review-settings/actions.ts#updateReviewSettingsAction", actor: "organizer", field: "ratingGuide", limit: 5000 },
  { action: "review-settings/actions.ts#updateReviewSettingsAction", actor: "organizer", field: "criteria.0.name", limit: 60 },
  { action: "review-settings/actions.ts#updateReviewSettingsAction", actor: "organizer", field: "criteria.0.description", limit: 300 },
  { action: "[kind]/actions.ts#templateAction", scenario: "save", actor: "organizer", field: "subject", limit: 200 },
  { action: "[kind]/actions.ts#templateAction", scenario: "save", actor: "organizer", field: "body", limit: 10_000 },
  {
    action: "team/actions.ts#inviteTeamMemberAction",
    actor: "organizer",
    field: "email",
    limit: 254,
    fill: (n) => `${"a".repeat(n - 12)}@example.org`,
  },
  {
    action: "cospeaker-actions.ts#inviteCoSpeakerAction",
    actor: "speaker",
    field: "email",
    limit: 254,
    fill: (n) => `${"b".repeat(n - 12)}@example.org`,
  },
];

describe("every limited field, at its limit and one over", () => {
  it.each(LIMITED.map((l) => [`${l.action.split("#")[1]}${l.scenario ? ` (${l.scenario})` : ""} ${l.field} (${l.limit})`, l] as const))(
    "%s",
    async (_name, l) => {
      const r = row(l.action, l.scenario);
      const fill = l.fill ?? ((n: number) => "x".repeat(n));
      expect(textLength(fill(l.limit))).toBe(l.limit);

      const over = await post(r, l.actor, { [l.field]: fill(l.limit + 1) });
      const before = await fullSnapshot(getDb());
      const overAgain = await post(r, l.actor, { [l.field]: fill(l.limit + 1) }, over);
      expect(await fullSnapshot(getDb()), "a refused value writes nothing").toEqual(before);
      for (const o of [over, overAgain]) {
        expect(o.state?.formError, `${JSON.stringify(o.state)?.slice(0, 300)} ${o.redirect}`).toBeTruthy();
        expect(o.state?.fieldErrors?.[l.field]?.[0]).toMatch(new RegExp(`at most ${l.limit} characters|too long`));
      }

      const at = await post(r, l.actor, { [l.field]: fill(l.limit) }, over);
      expect(succeeded(at), `${JSON.stringify(at.state)?.slice(0, 300)}`).toBe(true);
    },
  );

  it("stores a title of 150 emoji sequences whole: no sequence is split", async () => {
    const r = row("submit/actions.ts#createProposalAction");
    const title = CODER.repeat(150);
    const { redirect } = await post(r, "speaker", { title });
    const id = /\/speaker\/proposals\/([^?]+)/.exec(redirect ?? "")![1];
    const stored = await getDb().proposal.findUniqueOrThrow({ where: { id } });
    expect(stored.title).toBe(title);
    expect(textLength(stored.title)).toBe(150);
  });

  it("counts a decomposed accent as one character and stores it composed (NFC)", async () => {
    const r = row("submit/actions.ts#createProposalAction");
    const { redirect } = await post(r, "speaker", { title: "Cafe\u0301 ".repeat(30).trim() });
    const stored = await getDb().proposal.findFirstOrThrow({ where: { id: /\/speaker\/proposals\/([^?]+)/.exec(redirect!)![1] } });
    expect(stored.title).toBe("Café ".repeat(30).trim());
    expect(stored.title).not.toContain("\u0301");
  });
});

describe("control and invisible characters", () => {
  it("strips NUL bytes and other control characters before storing", async () => {
    const r = row("submit/actions.ts#createProposalAction");
    const { redirect } = await post(r, "speaker", { title: "Null\u0000 bytes\u0007 here", abstract: "A\u0000B\u001b[31m" });
    const stored = await getDb().proposal.findFirstOrThrow({ where: { id: /\/speaker\/proposals\/([^?]+)/.exec(redirect!)![1] } });
    expect(stored.title).toBe("Null bytes here");
    expect(stored.abstract).toBe("AB[31m");
  });

  it("strips right-to-left overrides, isolates, zero-width spaces and BOMs, and keeps emoji joiners", async () => {
    const r = row("profile/actions.ts#updateProfileAction");
    const { state, w } = await post(r, "speaker", {
      name: "\u202Egnp.exe\u202C Ad\u200Bmin\uFEFF",
      bio: "Family: 👨‍👩‍👧 \u2066isolated\u2069",
    });
    expect(state?.ok).toBe(true);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: w.speaker.id }, include: { profile: true } });
    expect(stored.name).toBe("gnp.exe Admin");
    expect(stored.profile?.bio).toBe("Family: 👨‍👩‍👧 isolated");
  });

  it("refuses a required field that is only invisible characters", async () => {
    const r = row("submit/actions.ts#createProposalAction");
    const world = { w: await buildWorld(getDb()), ctx: {} };
    for (const title of ["\u200B\u200B", "\u200D", "\u202E \u202C", "\u200F\u200E", "\uFEFF"]) {
      const before = await fullSnapshot(getDb());
      const { state } = await post(r, "speaker", { title }, world);
      expect(state?.fieldErrors?.title, JSON.stringify(title)).toEqual(["Title is required."]);
      expect((await fullSnapshot(getDb())).proposal).toEqual(before.proposal);
    }
  });

  it("takes a 200 000-character abstract as a field error, not a crash", async () => {
    const { state } = await post(row("submit/actions.ts#createProposalAction"), "speaker", { abstract: "🦀".repeat(200_000) });
    expect(state?.fieldErrors?.abstract).toEqual(["Abstract must be at most 5000 characters."]);
  });
});

describe("email addresses that differ only by case or Unicode form are one person", () => {
  async function askForLink(email: string) {
    const { emailSignInAction } = await import("@/app/signin/actions");
    const fd = new FormData();
    fd.set("email", email);
    try {
      return await emailSignInAction({}, fd);
    } catch (e) {
      if (!(e as { digest?: string }).digest?.startsWith("NEXT_REDIRECT;")) throw e;
      return { redirected: true };
    }
  }

  /** Opens the newest sign-in link mailed to `to` and presses its "Sign in as" button: the account is created on first use. */
  async function openLatestLink(to: string) {
    const mail = await getDb().outboxEmail.findFirstOrThrow({ where: { to, kind: "sign-in" }, orderBy: { createdAt: "desc" } });
    const link = new URL(/https?:\/\/\S+\/signin\/confirm\S+/.exec(mail.text)![0]);
    const { confirmSignInAction } = await import("@/app/signin/actions");
    const fd = new FormData();
    for (const name of ["email", "token", "callbackUrl"]) fd.set(name, link.searchParams.get(name)!);
    const digest = await confirmSignInAction(fd).then(
      () => "",
      (e: { digest?: string }) => e.digest ?? String(e),
    );
    expect(digest).toMatch(/^NEXT_REDIRECT;/);
    expect(digest).not.toMatch(/error=/);
  }

  it("signs in with five spellings of one new address and ends with one account", async () => {
    const spellings = [
      "New.Person@Example.org",
      " new.person@example.org ",
      "NEW.PERSON@EXAMPLE.ORG",
      "ｎｅｗ.ｐｅｒｓｏｎ@ｅｘａｍｐｌｅ.ｏｒｇ",
      "new.person@example.org\u200B",
    ];
    for (const s of spellings) {
      expect(await askForLink(s)).toEqual({ redirected: true });
      await openLatestLink("new.person@example.org");
    }
    expect(await getDb().user.findMany({ where: { email: { contains: "person" } }, select: { email: true } })).toEqual([
      { email: "new.person@example.org" },
    ]);
    // One browser: each sign-in replaced the session before it.
    expect(await getDb().session.count()).toBe(1);
  });

  it("gives a clear error for an address that is not plain ASCII after folding (a decomposed accent), and writes nothing", async () => {
    const before = await fullSnapshot(getDb());
    for (const s of ["jose\u0301@example.org", "josé@example.org", "a,b@example.org", "<a@example.org>"]) {
      const state = (await askForLink(s)) as { fieldErrors?: Record<string, string[]> };
      expect(state.fieldErrors?.email, s).toEqual(["Enter a valid email address."]);
    }
    expect(await fullSnapshot(getDb())).toEqual(before);
  });

  it("invites an existing person to a team by any spelling of their address without creating a second account", async () => {
    const r = row("team/actions.ts#inviteTeamMemberAction");
    const first = await post(r, "organizer", { email: "SASKIA.QUILLON.TERN@Example.com" });
    expect(first.state?.ok).toBe(true);
    const again = await post(r, "organizer", { email: "ｓａｓｋｉａ.quillon.tern@example.com", role: "ORGANIZER" }, first);
    expect(again.state?.ok).toBe(true);
    const users = await getDb().user.findMany({ where: { email: { contains: "saskia" } }, include: { eventMembers: true } });
    expect(users.map((u) => [u.id, u.eventMembers.map((m) => [m.eventId, m.role])])).toEqual([
      [first.w.speaker.id, [[first.w.event.id, "ORGANIZER"]]],
    ]);
  });

  it("invites a co-speaker once, whatever the spelling: the second is refused next to the field", async () => {
    const r = row("cospeaker-actions.ts#inviteCoSpeakerAction");
    const first = await post(r, "speaker", { email: "Guest.Speaker@Example.net" });
    expect(first.state?.ok).toBe(true);
    for (const email of ["guest.speaker@example.net", "ＧＵＥＳＴ.speaker@example.net"]) {
      const again = await post(r, "cospeaker", { email }, first);
      expect(again.state?.fieldErrors?.email?.[0]).toMatch(/already invited/);
    }
    expect(await getDb().coSpeakerInvitation.findMany({ select: { email: true } })).toEqual([{ email: "guest.speaker@example.net" }]);
  });

  it("refuses to invite a co-speaker who already speaks, by any spelling of their address", async () => {
    const r = row("cospeaker-actions.ts#inviteCoSpeakerAction");
    const w = await buildWorld(getDb());
    const before = await fullSnapshot(getDb());
    const { state } = await post(r, "speaker", { email: ` ${w.cospeaker.email.toUpperCase()}` }, { w, ctx: {} });
    expect(state?.fieldErrors?.email).toEqual(["This person already speaks on this proposal."]);
    expect(await fullSnapshot(getDb())).toEqual(before);
  });
});
