import { signedInAs } from "@/lib/auth/actor";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { expect, test } from "./support/csp";
import { createDb } from "@/lib/db/client";
import { createProposal } from "@/lib/proposals/create-proposal";
import { saveProposalInput } from "@/lib/proposals/schemas";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { DEMO_EVENT_SLUG as EVENT, unique } from "./support/data";
import { E2E_DATABASE_URL, REPO_ROOT } from "./support/env";
import { signInAsDemo } from "./support/sign-in";

type Received = { headers: Record<string, string>; body: string };

/** A real HTTP server on 127.0.0.1 that records what it receives and answers 204. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === "string"));
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/cfp-hooks`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A new speaker submits a proposal to the demo event through the domain (the same call the submit form makes). */
async function submitAsNewSpeaker(title: string): Promise<string> {
  const db = createDb(E2E_DATABASE_URL);
  try {
    const event = await db.event.findUniqueOrThrow({ where: { slug: EVENT }, include: { sessionTypes: true } });
    const user = await db.user.create({ data: { email: `e2e-hook-${unique()}@example.org`, name: "Hook Speaker" } });
    const input = saveProposalInput.parse({
      title,
      abstract: "A proposal submitted to watch the webhook arrive, signed.",
      notes: "",
      level: "BEGINNER",
      sessionTypeId: event.sessionTypes[0].id,
      intent: "submit",
    });
    return (await createProposal(db, signedInAs(user.id), event.id, input)).id;
  } finally {
    await db.$disconnect();
  }
}

test("an organizer registers a webhook and sees signed deliveries in the log", async ({ page }) => {
  const receiver = await startReceiver();
  try {
    await signInAsDemo(page, "Olivia Laurent");
    await page.goto(`/organize/${EVENT}/webhooks`);
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Copy its signing secret now")).toBeVisible();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);

    const title = `Webhook watched talk ${unique()}`;
    const proposalId = await submitAsNewSpeaker(title);

    // The background sender posts it; the receiver checks the signature with the reference library.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const wh = new Webhook(secret);
    const first = wh.verify(receiver.received[0].body, receiver.received[0].headers) as {
      type: string;
      data: { proposal: { id: string } };
    };
    expect(first.type).toBe("proposal.submitted");
    expect(first.data.proposal.id).toBe(proposalId);

    await page.reload();
    const log = page.getByRole("table");
    const row = log.getByRole("row").filter({ hasText: "proposal.submitted" });
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("204");
    await expect(row).toContainText(receiver.received[0].headers["webhook-id"]);

    // Resend: the same message again, with the same id, signed afresh.
    await row.getByRole("button", { name: "Resend" }).click();
    await expect(page.getByText("Queued again.")).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(receiver.received[1].headers["webhook-id"]).toBe(receiver.received[0].headers["webhook-id"]);
    expect(wh.verify(receiver.received[1].body, receiver.received[1].headers)).toMatchObject({ type: "proposal.submitted" });

    // Remove the endpoint so later runs against this database post nothing to a closed port.
    await page.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByText("No webhook yet.")).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test("an organizer imports a Sessionize file after a preview", async ({ page }) => {
  await signInAsDemo(page, "Olivia Laurent");
  await page.goto(`/organize/${EVENT}/import`);
  await expect(page.getByRole("heading", { level: 1, name: "Import proposals" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A file that is not JSON: the error is next to the file field, nothing is imported.
  await page.getByLabel("Exported from").selectOption("sessionize");
  await page
    .getByLabel("File (JSON)")
    .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"sessions": [') });
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByText(/not valid JSON/).first()).toBeVisible();

  await page.getByLabel("Exported from").selectOption("sessionize");
  await page.getByLabel("File (JSON)").setInputFiles(path.join(REPO_ROOT, "tests/fixtures/imports/sessionize-all-data.json"));
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import preview" })).toBeVisible();
  await expect(page.getByText("4 to create, 1 skipped")).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "Async Rust in Embedded Systems with Embassy" })).toContainText("Confirmed");
  await expect(rows.filter({ hasText: "Lunch" })).toContainText("service session");
  await expect(rows.filter({ hasText: "Zero-Copy Parsing with nom" })).toContainText("Kofi Mensah (no email in the file) — new");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Import 4 proposals" }).click();
  await expect(page.getByText("Imported 4 proposals.")).toBeVisible();

  // The same file again: everything is already there.
  await page.getByLabel("Exported from").selectOption("sessionize");
  await page.getByLabel("File (JSON)").setInputFiles(path.join(REPO_ROOT, "tests/fixtures/imports/sessionize-all-data.json"));
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByText("0 to create, 5 skipped")).toBeVisible();
  await expect(page.getByText("There is nothing new to import from this file.")).toBeVisible();
});
