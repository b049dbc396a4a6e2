import { readFile } from "node:fs/promises";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { Db } from "@/lib/db/client";
import type { Demo } from "./support/demo";
import { plantProposal } from "./support/plant";
import { csvObjects } from "@/tests/support/csv-parse";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./support/data";
import { E2E_BASE_URL } from "./support/env";

// A title a spreadsheet would run as a formula, with a comma and quotes to quote.
const TITLE = `=HYPERLINK("https://evil.example", "Click") talk, ${unique()}`;

/** A submitted proposal with that title in the test's own demo event; answers its public code. */
async function plant(db: Db, demo: Demo): Promise<string> {
  const { proposal } = await plantProposal(db, demo, {
    title: TITLE,
    abstract: "Line one.\nLine two.",
    level: "BEGINNER",
    speakerName: "Zoë Exporter",
    emailPrefix: "e2e-export",
  });
  return proposal.code;
}

test("the organizer exports the ranking to CSV and reads it back as a spreadsheet would", async ({ page, db, demo, signIn }) => {
  const EVENT = demo.slug;
  const plantedCode = await plant(db, demo);
  await signIn(page, demo.user("Olivia Laurent"));
  await page.goto(`/organize/${EVENT}/ranking`);
  await expect(page.getByRole("heading", { level: 1, name: "Ranking" })).toBeVisible();
  await page.getByText("Export the ranking").click();
  await page.getByLabel("One row per").selectOption("proposals");
  await page.getByLabel("Format").selectOption("csv");
  await expectNoSeriousA11yViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toBe(`${EVENT}-ranking-proposals.csv`);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark: spreadsheets read the accents
  const rows = csvObjects(bytes.subarray(3).toString("utf8"));
  expect(rows.length).toBeGreaterThanOrEqual(2); // the seeded proposals and the planted one
  const planted = rows.find((r) => r.code === plantedCode);
  expect(planted).toMatchObject({ title: `'${TITLE}`, speakers: "Zoë Exporter", abstract: "Line one.\nLine two.", state: "submitted" });
  expect(planted).not.toHaveProperty("speaker_emails"); // personal data only when chosen
  // One column per proposal question (lib/exports/question-columns.ts): the seeded proposals agreed to the code of conduct.
  const COC = "Do you agree to follow the RustFest Lyon code of conduct?";
  expect(planted).toMatchObject({ [COC]: "" });
  expect(rows.find((r) => r.code !== plantedCode)).toMatchObject({ [COC]: "true" });
  for (const row of rows) {
    expect(row.code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ3789]{6}$/);
    expect(Number(row.number)).toBeGreaterThan(0);
  }
});

test("the organizer creates an API token, reads the API with it like curl, and revokes it", async ({ page, db, demo, signIn }) => {
  const EVENT = demo.slug;
  const EVENT_NAME = demo.event.name;
  const plantedCode = await plant(db, demo);
  await signIn(page, demo.user("Olivia Laurent"));
  await page.goto(`/organize/${EVENT}`);
  await page
    .getByRole("navigation", { name: `${EVENT_NAME} sections` })
    .getByRole("link", { name: "API tokens" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  // A missing name is refused next to the field.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.locator(".field-error").first()).toBeVisible();

  const name = `Website ${unique()}`;
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByLabel("Speakers (names, biographies)").check();
  await page.getByLabel("Reviews and scores").check();
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenField = page.getByLabel("Your new token (shown once)");
  await expect(tokenField).toHaveValue(/^cfp_/);
  const token = await tokenField.inputValue();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(token.slice(0, 8));
  await expectNoSeriousA11yViolations(page);

  // A client with no cookies, as curl would be.
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const auth = { Authorization: `Token ${token}` };
  try {
    const list = await api.get(`/api/events/${EVENT}/submissions?page_size=3`, { headers: auth });
    expect(list.status()).toBe(200);
    const page1 = await list.json();
    expect(page1.count).toBeGreaterThanOrEqual(4);
    expect(page1.results).toHaveLength(3);
    expect(page1.next).toContain("page=2");
    expect(page1.previous).toBeNull();

    const one = await api.get(`/api/events/${EVENT}/submissions/${plantedCode.toLowerCase()}`, { headers: auth });
    expect(await one.json()).toMatchObject({ code: plantedCode, title: TITLE, state: "submitted", speakers: [{ name: "Zoë Exporter" }] });
    const speakers = await (await api.get(`/api/events/${EVENT}/speakers?search=Exporter`, { headers: auth })).json();
    expect(speakers.results[0]).toMatchObject({ name: "Zoë Exporter", submissions: [plantedCode] });
    expect(speakers.results[0]).not.toHaveProperty("email"); // no personal-data scope
    expect((await api.get(`/api/events/${EVENT}/reviews?page_size=1`, { headers: auth })).status()).toBe(200);
    // The demo event's custom questions, in pretalx's shape (lib/api/questions.ts).
    const questions = await (await api.get(`/api/events/${EVENT}/questions`, { headers: auth })).json();
    expect(questions.count).toBe(3);
    expect(questions.results.map((q: { question: string; target: string }) => [q.target, q.question])).toEqual([
      ["submission", "Do you agree to follow the RustFest Lyon code of conduct?"],
      ["speaker", "Do you need travel support?"],
      ["speaker", "Is this your first conference talk?"],
    ]);

    const anonymous = await api.get(`/api/events/${EVENT}/submissions`);
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "missing_token", message: expect.any(String) } });
    const openapi = await (await api.get("/api/openapi.json")).json();
    expect(openapi.openapi).toBe("3.1.0");

    // Revocation is immediate.
    await page.getByRole("button", { name: `Revoke the token ${name}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
    const revoked = await api.get(`/api/events/${EVENT}/submissions`, { headers: auth });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error.code).toBe("token_revoked");
  } finally {
    await api.dispose();
  }
});
