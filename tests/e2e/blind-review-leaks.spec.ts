import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { Db } from "@/lib/db/client";
import { ORGANIZER, REVIEWERS } from "@/prisma/seed-data/demo";
import { formatHits, prepareSecrets, scanForSecrets, type LocatedHit, type PreparedSecrets } from "../support/leak-scanner";
import { createDemo, type Demo } from "./support/demo";
import { E2E_BASE_URL } from "./support/env";
import { crawl, recordResponses, type Received } from "./support/leak-crawl";
import { plantFullProfileProposal, reviewerVisibleTexts, speakerSecrets, type PlantedProposal } from "./support/speaker-secrets";

// Blind review: a reviewer must never receive anything that identifies a
// speaker, in any page, RSC payload or server action response. The secrets
// come from the database; the scanner (tests/support/leak-scanner.ts) finds
// them through every encoding the app may use.

const REVIEWER = REVIEWERS[0]; // Ravi Menon
/** Demo mode only, and by design: the sign-in page lists every demo account, the mailbox every message. Reported, not failed. */
const DEMO_ONLY = ["/signin", "/mailbox"];
const isDemoOnly = (url: string) => DEMO_ONLY.some((p) => url === p || url.startsWith(`${p}?`) || url.startsWith(`${p}/`));

let db: Db;
let demo: Demo;
let EVENT: string;
let planted: PlantedProposal;

// Each worker that runs a test of this file makes its own copy of the demo conference.
test.beforeAll(async ({ db: workerDb }) => {
  db = workerDb;
  demo = await createDemo(db);
  EVENT = demo.slug;
  planted = await plantFullProfileProposal(db, EVENT);
});

async function secretsHiddenFrom(name: string): Promise<PreparedSecrets> {
  return prepareSecrets(await speakerSecrets(db, EVENT, demo.user(name).id));
}

type Found = LocatedHit & { url: string };

function scanAll(received: Received[], secrets: PreparedSecrets, allow: string[]) {
  const leaks: Found[] = [];
  const excused: Found[] = [];
  for (const r of received) {
    const where = `${r.variant} ${r.method} ${r.url} (${r.status})`;
    const result = scanForSecrets(r.body, secrets, { allow });
    leaks.push(...result.leaks.map((h) => ({ ...h, where, url: r.url })));
    excused.push(...result.excused.map((h) => ({ ...h, where, url: r.url })));
  }
  return { leaks, excused };
}

/** One line per distinct secret, with how often and where it was first seen. */
function summarize(hits: LocatedHit[]): string {
  const bySecret = new Map<string, LocatedHit[]>();
  for (const h of hits) {
    const key = `${h.secret.kind} of ${h.secret.owner}: "${h.variant}"`;
    bySecret.set(key, [...(bySecret.get(key) ?? []), h]);
  }
  return [...bySecret].map(([key, list]) => `  ${key} ×${list.length}, e.g. ${list[0].where}: ${list[0].excerpt}`).join("\n");
}

/**
 * URLs a reviewer can type without finding a link: every organizer and
 * speaker page of every proposal of the event, drafts included (their ids
 * are in the review URLs). They must answer "not found", not the speakers.
 */
async function typedUrls(): Promise<string[]> {
  const proposals = await db.proposal.findMany({ where: { event: { slug: EVENT } }, select: { id: true } });
  return [
    `/organize/${EVENT}`,
    ...["team", "settings", "review-settings", "ranking", "assignments", "reviewers", "conflicts"].map((p) => `/organize/${EVENT}/${p}`),
    ...proposals.flatMap(({ id }) => [`/review/${EVENT}/${id}`, `/organize/${EVENT}/proposals/${id}`, `/speaker/proposals/${id}`]),
  ];
}

async function scoreAll(review: Locator, value: string) {
  for (const group of await review.getByRole("group").all()) await group.getByRole("radio", { name: value, exact: true }).check();
}

async function reviewThroughTheUi(page: Page) {
  await page.goto(`/review/${EVENT}/${planted.proposalId}`);
  await expect(page.getByRole("heading", { level: 1, name: planted.title })).toBeVisible();
  const review = page.getByRole("region", { name: "Your review" });

  // No score: the action answers with a validation error.
  await review.getByRole("button", { name: "Save review" }).click();
  await expect(review.locator(".field-error")).toHaveText("Score at least one criterion.");
  // Scores and a comment: saved.
  await scoreAll(review, "4");
  await review.getByLabel("Comment").fill("Clear outline; the benchmark section could be shorter.");
  await review.getByRole("button", { name: "Save review" }).click();
  await expect(review.getByRole("status")).toHaveText("Review saved.");
  // A comment over the limit: another validation error, on the update path.
  await review.getByLabel("Comment").fill("x".repeat(3001));
  await review.getByRole("button", { name: /review$/ }).click();
  await expect(review.getByRole("status")).toContainText("Please correct the highlighted fields.");
  // Then on to the next proposal, as a client navigation.
  await review.getByLabel("Comment").fill("Clear outline.");
  await scoreAll(review, "5");
  await review.getByRole("button", { name: /review$/ }).click();
  await expect(review.getByRole("status")).toHaveText("Review saved.");
  await review.getByRole("link", { name: /Next proposal|back to the list/ }).click();
  await page.waitForURL((url) => url.pathname !== `/review/${EVENT}/${planted.proposalId}`);
  await page.waitForLoadState("networkidle");
}

test("the scanner finds speakers where they are meant to be seen: the organizer's proposal page", async ({ page, signIn }) => {
  const secrets = await secretsHiddenFrom(ORGANIZER.name);
  const mara = await db.proposal.findFirstOrThrow({
    where: { event: { slug: EVENT }, speakers: { some: { user: { name: "Mara Chen" } } } },
  });
  await signIn(page, demo.user(ORGANIZER.name));

  for (const [proposalId, owner, kinds] of [
    [planted.proposalId, planted.speakerName, ["bio", "company", "email", "github", "location", "mastodon", "name", "website"]],
    [planted.proposalId, planted.coSpeakerName, ["email", "location", "name"]],
    [mara.id, "Mara Chen", ["bio", "company", "email", "name"]],
  ] as const) {
    const path = `/organize/${EVENT}/proposals/${proposalId}`;
    const html = await page.request.get(path);
    expect(html.status(), path).toBe(200);
    const rsc = await page.request.get(path, { headers: { RSC: "1" } }); // follows the 307 to ?_rsc
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
    // The user image is not on this page: only the fields the organizer page shows are expected.
    for (const body of [(await html.body()).toString("utf8"), (await rsc.body()).toString("utf8")]) {
      const found = scanForSecrets(body, secrets).leaks.filter((h) => h.secret.owner === owner);
      expect([...new Set(found.map((h) => h.secret.kind))].sort(), `${owner} on ${path}`).toEqual(kinds);
    }
  }
});

test("a reviewer receives nothing that identifies a speaker: pages, RSC payloads, server actions", async ({ page, signIn }) => {
  test.setTimeout(300_000);
  const started = Date.now();
  const secrets = await secretsHiddenFrom(REVIEWER.name);
  const allow = await reviewerVisibleTexts(db, EVENT);
  expect(secrets.needles.length, "secrets to look for").toBeGreaterThan(20);
  await signIn(page, demo.user(REVIEWER.name));

  // 1. Every page the reviewer can reach by following links or typing a URL, as HTML and as RSC payloads.
  const crawled = await crawl(page.request, E2E_BASE_URL, ["/review", "/", ...DEMO_ONLY, ...(await typedUrls())]);
  const proposalPages = crawled.visited.filter((u) => new RegExp(`^/review/${EVENT}/[^/?]+$`).test(u));
  // A crawl that was sent to the sign-in page, or saw no proposal, must not pass for a clean one.
  const pageAt = (url: string) => crawled.received.find((r) => r.variant === "html" && r.url === url);
  expect(pageAt(`/review/${EVENT}`), "the crawl reached the review queue").toMatchObject({
    status: 200,
    body: expect.stringContaining("Proposals to review"),
  });
  expect(pageAt(`/review/${EVENT}/${planted.proposalId}`), "the crawl reached a proposal's review page").toMatchObject({
    status: 200,
    body: expect.stringContaining(planted.title),
  });
  expect(pageAt(`/review/${EVENT}/${planted.proposalId}`)?.body).toContain("Your review");
  const rscPayloads = crawled.received.filter((r) => r.variant.startsWith("rsc") && r.contentType.includes("text/x-component"));
  expect(rscPayloads.length, "RSC requests got RSC payloads, not HTML").toBeGreaterThanOrEqual(2 * proposalPages.length);

  // 2. The same pages in the browser (prefetches, client navigations), then the review form's server actions.
  const recorder = await recordResponses(page, E2E_BASE_URL);
  for (const url of crawled.visited) {
    const html = crawled.received.find((r) => r.variant === "html" && r.url === url);
    if (!html?.contentType.includes("text/html")) continue;
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  await reviewThroughTheUi(page);
  await recorder.stop();
  const actions = recorder.received.filter((r) => r.variant === "server-action");
  expect(actions.length, "server action responses recorded").toBeGreaterThanOrEqual(4);
  expect(recorder.received.filter((r) => r.variant === "browser-rsc").length, "browser RSC requests recorded").toBeGreaterThan(0);

  // 3. Scan it all.
  const received = [...crawled.received, ...recorder.received];
  const scanStarted = Date.now();
  const { leaks, excused } = scanAll(received, secrets, allow);
  const scanSeconds = ((Date.now() - scanStarted) / 1000).toFixed(1);
  const bytes = received.reduce((n, r) => n + Buffer.byteLength(r.body), 0);
  const appLeaks = leaks.filter((h) => !isDemoOnly(h.url));
  const demoOnly = leaks.filter((h) => isDemoOnly(h.url));
  const report = [
    `Blind-review leak scan as ${REVIEWER.name}: ${crawled.visited.length} URLs crawled (${proposalPages.length} proposal review pages), ` +
      `${received.length} responses (${crawled.received.length} from the crawl, ${recorder.received.length} in the browser, ${actions.length} server actions), ` +
      `${(bytes / 1024).toFixed(0)} KiB scanned for ${secrets.needles.length} secrets in ${((Date.now() - started) / 1000).toFixed(1)} s (scanning: ${scanSeconds} s).`,
    `Not searched (too short or too common): ${secrets.skipped.map((s) => `${s.secret.kind} "${s.variant}" (${s.reason})`).join(", ") || "none"}.`,
    `Browser requests aborted before an answer: ${recorder.aborted.length ? recorder.aborted.join(", ") : "none"}.`,
    `Links not followed: ${[...crawled.notFollowed].map(([u, why]) => `${u} (${why})`).join(", ") || "none"}.`,
    excused.length ? `Excused, inside text the speaker wrote (title, abstract, notes):\n${summarize(excused)}` : "Excused: none.",
    demoOnly.length
      ? `Demo mode only, not failed: ${demoOnly.length} hits on ${[...new Set(demoOnly.map((h) => h.url))].join(", ")}, ` +
        `the ${[...new Set(demoOnly.map((h) => h.secret.kind))].join(" and ")} of ${[...new Set(demoOnly.map((h) => h.secret.owner))].join(", ")}.`
      : "Demo-only pages: nothing found.",
  ].join("\n");
  console.log(report);
  await test
    .info()
    .attach("blind-review-leak-scan.txt", { body: `${report}\n\nEvery URL:\n${crawled.visited.join("\n")}`, contentType: "text/plain" });

  const details =
    formatHits(appLeaks.slice(0, 40)) + (appLeaks.length > 40 ? `\n… and ${appLeaks.length - 40} more (see the attachment)` : "");
  if (appLeaks.length) await test.info().attach("blind-review-leaks.txt", { body: formatHits(appLeaks), contentType: "text/plain" });
  expect(
    appLeaks,
    `${appLeaks.length} speaker secret(s) sent to reviewer ${REVIEWER.name}:\n${summarize(appLeaks)}\n\nWhere:\n${details}`,
  ).toEqual([]);
});
