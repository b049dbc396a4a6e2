import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signedInAs } from "@/lib/auth/actor";
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "@/lib/db/client";
import { inviteCoSpeaker } from "@/lib/cospeakers/invite";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { inviteTeamMember } from "@/lib/events/team";
import { addReviewer, createEvent, createProposal, createReview, createUser, type EventFixture } from "@/tests/factories";
import { ADDRESS_PAYLOADS, batch, LONG_PAYLOAD, NAME_PAYLOADS, URL_PAYLOADS, XSS_PAYLOADS, type Payload } from "../security/xss-payloads";
import { unique } from "./support/data";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "./support/env";

// Stored XSS: the corpus in tests/security/xss-payloads.ts goes into every
// text a person controls, some through the real forms and the rest straight
// into the database (as a bug elsewhere, or an import, could put it there),
// then every page that shows it is opened in Chromium. No dialog may open,
// window.__xss must stay unset, and the DOM may hold no script, handler
// attribute, script URL or active element that user text could have made.

test.describe.configure({ mode: "serial" });

const run = unique();
const payloads = (ids: number[]) => XSS_PAYLOADS.filter((p) => ids.includes(p.id));
const texts = (list: readonly Payload[]) => list.map((p) => p.text);

type Seeded = {
  event: EventFixture;
  organizer: { id: string; token: string };
  reviewer: { id: string; token: string };
  speaker: { id: string; token: string; email: string };
  proposalIds: string[];
  invitationToken: string;
};

let db: Db;
let seeded: Seeded;
/** Filled by the form-driven test: the proposal the speaker submitted through the UI. */
let uiProposalId = "";

async function session(userId: string): Promise<string> {
  const token = `xss-${randomBytes(16).toString("hex")}`;
  await db.session.create({ data: { sessionToken: token, userId, expires: new Date(Date.now() + 86_400_000) } });
  return token;
}

/** The event, its people and proposals, with payloads in every field the forms would not let through or that has no form. */
async function seed(): Promise<Seeded> {
  const organizer = await createUser(db, { name: NAME_PAYLOADS[1], email: `xss-organizer-${run}@example.org` });
  const event = await createEvent(db, {
    organizer,
    name: `<svg onload=alert(11)> Conf ${run}`,
    slug: `xss-${run}`,
    description: batch(XSS_PAYLOADS, 5000)[0],
    criteria: [
      { name: XSS_PAYLOADS[8].text, description: "<img src=x onerror=alert(9)>", minScore: 1, maxScore: 5, weight: 1 },
      { name: "'><svg onload=alert(10)>", description: "[x](javascript:alert(31))", minScore: 0, maxScore: 3, weight: 2 },
    ],
  });
  await db.event.update({ where: { id: event.id }, data: { ratingGuide: batch(XSS_PAYLOADS, 5000)[0] } });
  await db.sessionType.update({ where: { id: event.sessionTypes[1].id }, data: { name: '"><img src=x onerror=alert(9)>' } });
  await db.track.update({ where: { id: event.tracks[1].id }, data: { name: "<script>alert(2)</script>" } });

  const reviewer = await addReviewer(db, event, await createUser(db, { name: NAME_PAYLOADS[3], email: `xss-reviewer-${run}@example.org` }));
  const speaker = await createUser(db, { name: "Sam Plain", email: `xss-speaker-${run}@example.org` });

  // One proposal per payload, each by its own speaker whose name and profile are payloads too.
  const proposalIds: string[] = [];
  for (const [i, p] of XSS_PAYLOADS.entries()) {
    const author = await createUser(db, {
      name: [...NAME_PAYLOADS, ...texts(XSS_PAYLOADS)][i % (NAME_PAYLOADS.length + XSS_PAYLOADS.length)].slice(0, 100),
      email: `xss-author-${p.id}-${run}@example.org`,
      profile: {
        bio: p.text,
        company: XSS_PAYLOADS[(i + 1) % XSS_PAYLOADS.length].text.slice(0, 100),
        location: XSS_PAYLOADS[(i + 2) % XSS_PAYLOADS.length].text.slice(0, 100),
        website: URL_PAYLOADS[i % URL_PAYLOADS.length],
        github: `" onmouseover=alert(${p.id}) x="`,
        mastodon: XSS_PAYLOADS[(i + 3) % XSS_PAYLOADS.length].text.slice(0, 100),
      },
    });
    const proposal = await createProposal(db, {
      event,
      speaker: author,
      title: p.text.slice(0, 150),
      abstract: i === 0 ? LONG_PAYLOAD : batch(XSS_PAYLOADS.slice(i % 8), 5000)[0],
      notes: texts(XSS_PAYLOADS.slice((i + 5) % XSS_PAYLOADS.length))
        .join("\n")
        .slice(0, 2000),
      sessionType: i % 2 ? event.sessionTypes[1] : event.sessionTypes[0],
      track: i % 2 ? event.tracks[1] : event.tracks[0],
    });
    proposalIds.push(proposal.id);
  }
  // The organizer reviews a few too, so other reviews (and their comments) show on the reviewer's pages.
  for (const [i, id] of proposalIds.slice(0, 6).entries()) {
    await createReview(db, {
      proposal: { id, eventId: event.id },
      reviewer: organizer,
      comment: batch(XSS_PAYLOADS.slice(i * 10), 3000)[0],
    });
    await db.reviewComment.create({
      data: { proposalId: id, authorId: organizer.id, body: XSS_PAYLOADS[(i * 7) % XSS_PAYLOADS.length].text },
    });
  }
  await db.event.update({ where: { id: event.id }, data: { reviewVisibility: "ALWAYS", blindReview: false } });

  // The event's own wording for emails, in subjects and bodies.
  for (const kind of ["waitlisted", "rejected", "accepted", "cospeaker-invitation"] as const) {
    await db.emailTemplate.create({
      data: {
        eventId: event.id,
        kind,
        subject: `<script>alert(2)</script> {talk_title} ${XSS_PAYLOADS[55].text}`,
        body: `Hi {speaker_name}{inviter_name}, "{talk_title}" at {event_name}.\n\n${batch(XSS_PAYLOADS, 8000)[0]}\n\n{invite_url}`,
      },
    });
  }
  // Emails the app writes itself from those texts: decisions, a team invitation, a co-speaker invitation.
  await setPendingDecisions(db, signedInAs(organizer.id), event.id, proposalIds.slice(0, 4), "WAITLISTED");
  await setPendingDecisions(db, signedInAs(organizer.id), event.id, proposalIds.slice(4, 8), "REJECTED");
  await publishDecisions(db, signedInAs(organizer.id), event.id, proposalIds.slice(0, 8));
  await inviteTeamMember(db, signedInAs(organizer.id), event.id, { email: ADDRESS_PAYLOADS[0], role: "REVIEWER" });
  const author0 = await db.proposalSpeaker.findFirstOrThrow({ where: { proposalId: proposalIds[10] } });
  await inviteCoSpeaker(db, signedInAs(author0.userId), proposalIds[10], ADDRESS_PAYLOADS[1]);
  const invitationMail = await db.outboxEmail.findFirstOrThrow({
    where: { to: ADDRESS_PAYLOADS[1], kind: "cospeaker-invitation" },
    orderBy: { createdAt: "desc" },
  });
  const invitationToken = /\/invitations\/([A-Za-z0-9_-]+)/.exec(invitationMail.text)![1];

  return {
    event,
    organizer: { id: organizer.id, token: await session(organizer.id) },
    reviewer: { id: reviewer.id, token: await session(reviewer.id) },
    speaker: { id: speaker.id, token: await session(speaker.id), email: speaker.email },
    proposalIds,
    invitationToken,
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  db = createDb(E2E_DATABASE_URL);
  seeded = await seed();
});
test.afterAll(async () => {
  await db?.$disconnect();
});

type Trap = { dialogs: string[]; page: Page; context: BrowserContext };

/** A browser context signed in with `token` (or anonymous), whose page records every dialog and dismisses it. */
async function trapped(browser: Browser, token?: string): Promise<Trap> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  if (token) await context.addCookies([{ name: "authjs.session-token", value: token, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
    await d.dismiss().catch(() => {});
  });
  return { dialogs, page, context };
}

/** What user text must never produce in the DOM. Runs in the page. */
function domProblems(): string[] {
  const problems: string[] = [];
  const SCRIPT_URL = /^[\s\p{Cc}]*(javascript|vbscript|data):/iu;
  const URL_ATTRS = /^(href|src|action|formaction|xlink:href|data|poster|background|codebase|dynsrc|lowsrc)$/i;
  for (const el of Array.from(document.querySelectorAll("*"))) {
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) problems.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`);
      // React's own guard on forms whose action is a function (never user text).
      const reactGuard = a.name === "action" && a.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
      if (URL_ATTRS.test(a.name) && SCRIPT_URL.test(a.value) && !reactGuard)
        problems.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`);
      if (a.name === "style" && /expression\s*\(|javascript:|vbscript:/i.test(a.value)) problems.push(`style="${a.value.slice(0, 60)}"`);
    }
  }
  for (const s of Array.from(document.scripts)) {
    if (s.src) {
      if (new URL(s.src).origin !== location.origin || !new URL(s.src).pathname.startsWith("/_next/")) problems.push(`script src=${s.src}`);
      continue;
    }
    const code = s.textContent ?? "";
    // Next's inline RSC payload carries user text as JSON strings: fine, unless it could end the script element.
    if (/^\s*\(?self\.__next_f/.test(code)) {
      if (/<\/script|<!--/i.test(code)) problems.push(`RSC payload script can be closed early: ${code.slice(0, 80)}`);
    } else if (/__xss|alert\(|msgbox\(/.test(code)) problems.push(`inline script with user text: ${code.slice(0, 80)}`);
  }
  for (const f of Array.from(document.querySelectorAll("iframe"))) {
    const sandbox = f.getAttribute("sandbox");
    if (sandbox === null || /allow-scripts/.test(sandbox))
      problems.push(`iframe without a script-free sandbox: ${f.outerHTML.slice(0, 80)}`);
  }
  for (const sel of ["object", "embed", "base", "meta[http-equiv]", "link[rel=import]", "frame", "frameset", "applet"]) {
    for (const el of Array.from(document.querySelectorAll(sel))) problems.push(`active element ${el.outerHTML.slice(0, 80)}`);
  }
  return problems;
}

type Visit = { url: string; problems: string[]; xss: unknown; shown: number };

async function visit(trap: Trap, url: string): Promise<Visit> {
  const response = await trap.page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  await trap.page.waitForLoadState("networkidle").catch(() => {});
  // Give autofocus, toggle and load handlers a moment to fire, were any there.
  await trap.page.waitForTimeout(150);
  const [problems, xss, body] = await Promise.all([
    trap.page.evaluate(domProblems),
    trap.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    trap.page.evaluate(() => document.body.innerText),
  ]);
  // How many payloads are visible as text: proves the page really shows them.
  const shown = XSS_PAYLOADS.filter((p) => p.text.length > 12 && body.includes(p.text.replace(/\s+/g, " ").slice(0, 12))).length;
  return { url, problems, xss, shown };
}

function report(role: string, visits: Visit[], dialogs: string[]) {
  const lines = visits.map(
    (v) =>
      `${v.url}: ${v.shown} payloads shown as text${v.problems.length ? `, PROBLEMS: ${v.problems.join(" | ")}` : ""}${v.xss ? `, window.__xss=${String(v.xss)}` : ""}`,
  );
  console.log(`XSS sweep as ${role}:\n  ${lines.join("\n  ")}`);
  expect(dialogs, `dialogs opened as ${role}`).toEqual([]);
  for (const v of visits) {
    expect(v.xss, `window.__xss on ${v.url}`).toBeUndefined();
    expect(v.problems, `dangerous DOM on ${v.url}`).toEqual([]);
  }
}

test("payloads typed into the real forms are refused or stored as text", async ({ browser }) => {
  const speaker = await trapped(browser, seeded.speaker.token);
  const page = speaker.page;
  const slug = seeded.event.slug;

  // Profile: every field; the web address and GitHub refuse what is not an address or a username.
  await page.goto("/speaker/profile");
  await page.getByLabel("Name", { exact: true }).fill("Sam <img src=x onerror=alert(9)> Plain");
  await page.getByLabel("Bio").fill(batch(XSS_PAYLOADS, 2000)[0]);
  await page.getByLabel("Company").fill(XSS_PAYLOADS[0].text);
  await page.getByLabel("Location").fill(XSS_PAYLOADS[10].text);
  await page.getByLabel("Mastodon").fill("@x<svg onload=alert(11)>@example.social");
  await page.getByLabel("Website").fill(URL_PAYLOADS[0]);
  await page.getByLabel("GitHub username").fill('"><script>alert(2)</script>');
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator(".field-error").first()).toBeVisible();
  await expect(page.getByText("must be a web address starting with https://")).toBeVisible();
  await expect(page.getByText("Enter a GitHub username")).toBeVisible();
  await page.getByLabel("Website").fill(URL_PAYLOADS[3]);
  await page.getByLabel("GitHub username").fill("octocat");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Profile saved.");
  const profile = await db.speakerProfile.findUniqueOrThrow({ where: { userId: seeded.speaker.id } });
  expect(profile.company).toBe(XSS_PAYLOADS[0].text);
  expect(profile.website).toBe(URL_PAYLOADS[3]);

  // A proposal through the submit form.
  await page.goto(`/events/${slug}/submit`);
  await page.getByLabel("Title", { exact: true }).fill(XSS_PAYLOADS[3].text);
  await page.getByLabel("Abstract").fill(
    batch(
      XSS_PAYLOADS.filter((p) => p.kind.startsWith("markdown")),
      5000,
    )[0],
  );
  await page.getByLabel("Notes for reviewers").fill(texts(payloads([9, 21, 46, 52, 56, 60, 61])).join("\n"));
  await page.getByLabel("Session type").selectOption({ index: 1 });
  await page.getByRole("radio", { name: "Beginner" }).check();
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await page.waitForURL(/\/speaker\/proposals\/[^/?]+\?submitted=1$/);
  uiProposalId = /\/speaker\/proposals\/([^/?]+)/.exec(page.url())![1];
  const stored = await db.proposal.findUniqueOrThrow({ where: { id: uiProposalId } });
  expect(stored.title).toBe(XSS_PAYLOADS[3].text);

  // A co-speaker invitation to a valid address full of quotes.
  await page.getByLabel("Co-speaker’s email address").fill(ADDRESS_PAYLOADS[0]);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${ADDRESS_PAYLOADS[0]}.`)).toBeVisible();
  await speaker.context.close();

  // A review and a discussion comment through the review page.
  const reviewer = await trapped(browser, seeded.reviewer.token);
  await reviewer.page.goto(`/review/${slug}/${uiProposalId}`);
  const review = reviewer.page.getByRole("region", { name: "Your review" });
  for (const group of await review.getByRole("group").all()) await group.getByRole("radio").nth(1).check();
  await review.getByLabel("Comment").fill(batch(XSS_PAYLOADS, 3000)[0]);
  await review.getByRole("button", { name: "Save review" }).click();
  await expect(review.getByRole("status")).toHaveText("Review saved.");
  await reviewer.page.getByLabel("Add to the discussion").fill(batch(XSS_PAYLOADS.slice(30), 2000)[0]);
  await reviewer.page.getByRole("button", { name: "Post comment" }).click();
  await expect(reviewer.page.getByText("Comment posted.")).toBeVisible();
  expect(reviewer.dialogs).toEqual([]);
  await reviewer.context.close();
});

test("no payload runs on any page that shows them: speaker, reviewer, organizer, public, mailbox", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(uiProposalId, "the form-driven test ran first").not.toBe("");
  const slug = seeded.event.slug;
  const some = [uiProposalId, ...seeded.proposalIds.slice(0, 3), seeded.proposalIds[20]];

  const anonymous = await trapped(browser);
  const publicVisits = [];
  for (const url of [
    `/events/${slug}`,
    "/",
    "/mailbox",
    `/mailbox?to=${encodeURIComponent(ADDRESS_PAYLOADS[1])}`,
    `/invitations/${seeded.invitationToken}`,
  ]) {
    publicVisits.push(await visit(anonymous, url));
  }
  report("anonymous", publicVisits, anonymous.dialogs);
  expect(publicVisits[0].shown, "the public event page shows the description's payloads as text").toBeGreaterThan(20);

  const speaker = await trapped(browser, seeded.speaker.token);
  const speakerVisits = [];
  for (const url of ["/speaker", "/speaker/profile", `/speaker/proposals/${uiProposalId}`, `/events/${slug}/submit`])
    speakerVisits.push(await visit(speaker, url));
  report("the speaker", speakerVisits, speaker.dialogs);

  const reviewer = await trapped(browser, seeded.reviewer.token);
  const reviewerVisits = [];
  for (const url of ["/review", `/review/${slug}`, ...some.map((id) => `/review/${slug}/${id}`)])
    reviewerVisits.push(await visit(reviewer, url));
  report("a reviewer", reviewerVisits, reviewer.dialogs);
  expect(Math.max(...reviewerVisits.map((v) => v.shown)), "a review page shows payloads as text").toBeGreaterThan(20);

  const organizer = await trapped(browser, seeded.organizer.token);
  const organizerVisits = [];
  const pages = [
    "",
    "/ranking",
    "/assignments",
    "/reviewers",
    "/conflicts",
    "/team",
    "/settings",
    "/review-settings",
    "/decisions",
    "/emails",
    "/emails?status=all",
  ];
  for (const p of pages) organizerVisits.push(await visit(organizer, `/organize/${slug}${p}`));
  for (const id of some) organizerVisits.push(await visit(organizer, `/organize/${slug}/proposals/${id}`));
  for (const kind of ["waitlisted", "cospeaker-invitation", "submission-received"]) {
    organizerVisits.push(await visit(organizer, `/organize/${slug}/emails/${kind}?proposal=${seeded.proposalIds[1]}`));
  }
  organizerVisits.push(await visit(organizer, "/organize"));
  report("the organizer", organizerVisits, organizer.dialogs);

  // The template preview, after a preview of a draft full of payloads through the editor form.
  await organizer.page.goto(`/organize/${slug}/emails/rejected?proposal=${seeded.proposalIds[2]}`);
  await organizer.page.getByLabel("Body", { exact: true }).fill(`Hi {speaker_name}\n\n${batch(XSS_PAYLOADS, 9000)[0]}`);
  await organizer.page.getByRole("button", { name: "Preview changes" }).click();
  await expect(organizer.page.getByTestId("preview-text")).toContainText("alert(2)");
  report(
    "the organizer (draft preview)",
    [
      {
        url: "draft preview",
        problems: await organizer.page.evaluate(domProblems),
        xss: await organizer.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
        shown: 0,
      },
    ],
    organizer.dialogs,
  );

  for (const t of [anonymous, speaker, reviewer, organizer]) await t.context.close();
});

test("the HTML part of every email the payloads reached runs nothing in a browser", async ({ browser }) => {
  const mails = await db.outboxEmail.findMany({
    where: { OR: [{ eventId: seeded.event.id }, { to: { in: [...ADDRESS_PAYLOADS] } }] },
    select: { to: true, subject: true, html: true },
  });
  expect(mails.length, "emails written from payloads").toBeGreaterThanOrEqual(10);
  const trap = await trapped(browser);
  const problems: string[] = [];
  for (const m of mails) {
    expect(m.subject).not.toMatch(/[\r\n]/);
    await trap.page.setContent(`<!doctype html><html><body>${m.html}</body></html>`);
    await trap.page.waitForTimeout(50);
    for (const p of await trap.page.evaluate(domProblems)) problems.push(`to ${m.to}: ${p}`);
    if (await trap.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)) problems.push(`to ${m.to}: window.__xss set`);
    // Payload text shows as text: the HTML part escapes it.
    expect(await trap.page.evaluate(() => document.body.innerText)).toContain("alert(");
  }
  expect(trap.dialogs).toEqual([]);
  expect(problems).toEqual([]);
  await trap.context.close();
});

test("the trap itself catches a payload that runs: a dialog, the marker and the DOM scan", async ({ browser }) => {
  const trap = await trapped(browser);
  await trap.page.setContent(
    `<!doctype html><body>${XSS_PAYLOADS.find((p) => p.id === 16)!.text}<a href="javascript:void 0">x</a><iframe srcdoc="x"></iframe><img src=x onerror="alert(1)"></body>`,
  );
  await expect.poll(() => trap.dialogs.length).toBeGreaterThan(0);
  expect(await trap.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(16);
  const problems = await trap.page.evaluate(domProblems);
  expect(problems.join("\n")).toMatch(/onerror/);
  expect(problems.join("\n")).toMatch(/javascript:void/);
  expect(problems.join("\n")).toMatch(/iframe without a script-free sandbox/);
  await trap.context.close();
});
