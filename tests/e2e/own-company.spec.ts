import { type Page } from "@playwright/test";
import { REVIEWERS } from "@/prisma/seed-data/demo";
import { expect, test } from "./support/fixtures";

// ADR 0009: a reviewer's own company must not change what they can learn
// about others. Rosa (Linkwerk GmbH) tries companies in her profile; the
// HTML of her queue and of every proposal page of the event (those she may
// see and those she may not) must stay byte for byte the same.

const ROSA = REVIEWERS.find((r) => r.company)!;

async function setCompany(page: Page, company: string) {
  await page.goto("/speaker/profile");
  await page.getByLabel("Company").fill(company);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
}

/**
 * What a page says, in an order that does not depend on timing. Next streams
 * a page: with other requests running, the order of its React Server
 * Components rows and the chunk scripts it lists in <head> vary from one
 * response to the next (seen with two e2e workers). Compared: the HTML without
 * its <script> elements, and every RSC row byte for byte, sorted.
 */
function comparable(html: string): string {
  const rows: string[] = [];
  const markup = html.replace(/<script\b[^>]*>([\s\S]*?)<\/script>/g, (_, body: string) => {
    const push = /^self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)$/.exec(body);
    if (push) rows.push(JSON.parse(push[1]) as string);
    return "";
  });
  return `${markup}\n${rows.join("").split("\n").sort().join("\n")}`;
}

async function pages(page: Page, EVENT: string, ids: string[]) {
  const out: string[] = [];
  for (const path of [`/review/${EVENT}`, ...ids.map((id) => `/review/${EVENT}/${id}`)]) {
    const response = await page.request.get(path);
    // The CSP nonce is new on every response (proxy.ts): with the streaming order (comparable), all that may differ.
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    const html = await response.text();
    out.push(`${path} ${response.status()}\n${comparable(nonce ? html.replaceAll(nonce, "{nonce}") : html)}`);
  }
  return out;
}

test("a reviewer's queue and proposal pages are byte-identical whatever company they give themselves", async ({
  page,
  demo,
  signIn,
  db,
}) => {
  const EVENT = demo.slug;
  test.setTimeout(180_000);
  const proposals = await db.proposal.findMany({
    where: { eventId: demo.event.id, status: { not: "DRAFT" } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const ids = proposals.map((p) => p.id);
  await signIn(page, demo.user(ROSA.name));
  const before = await pages(page, EVENT, ids);
  // Speakers work at Ferrous Labs, CrabHub and Linkwerk: under the old rule each guess below hid
  // their proposals (whether or not another spec dismissed the seeded Rosa–Jonas flag).
  expect(ids.length).toBeGreaterThan(3);

  // Guesses, blank, a colleague's exact company (Jonas works at "Linkwerk"), then her own back.
  for (const company of ["ferrous-labs inc", "CrabHub", "", "Linkwerk", ROSA.company!]) {
    await setCompany(page, company);
    const after = await pages(page, EVENT, ids);
    for (const [i, html] of after.entries()) expect(html, `company "${company}"`).toBe(before[i]);
  }
});
