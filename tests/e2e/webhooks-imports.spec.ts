import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { expect, test } from "./support/fixtures";
import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { createProposal } from "@/lib/proposals/create-proposal";
import { saveProposalInput } from "@/lib/proposals/schemas";
import { createEvent, createOrganization, createUser, type EventFixture } from "@/tests/factories";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique, uniqueEmail } from "./support/data";
import { REPO_ROOT } from "./support/env";

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

/**
 * An event of this test's own. The factories count per process and the two
 * workers are two processes: the addresses and slugs carry unique() instead.
 */
async function ownEvent(db: Db): Promise<EventFixture> {
  const organizer = await createUser(db, { email: uniqueEmail("hooks-organizer") });
  const organization = await createOrganization(db, { name: `Hooks ${unique()}`, owner: organizer });
  return createEvent(db, { organizer, organization, slug: `hooks-${unique()}` });
}

/** A new speaker submits a proposal to the event through the domain (the same call the submit form makes). */
async function submitAsNewSpeaker(db: Db, event: EventFixture, title: string): Promise<string> {
  const user = await createUser(db, { name: "Hook Speaker", email: uniqueEmail("hook-speaker") });
  const input = saveProposalInput.parse({
    title,
    abstract: "A proposal submitted to watch the webhook arrive, signed.",
    notes: "",
    level: "BEGINNER",
    sessionTypeId: event.sessionTypes[0].id,
    intent: "submit",
  });
  return (await createProposal(db, signedInAs(user.id), event.id, input)).id;
}

test("an organizer registers a webhook and sees signed deliveries in the log", async ({ page, db, signIn }) => {
  const event = await ownEvent(db);
  const receiver = await startReceiver();
  try {
    await signIn(page, event.organizer);
    await page.goto(`/organize/${event.slug}/webhooks`);
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Copy its signing secret now")).toBeVisible();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);

    const title = `Webhook watched talk ${unique()}`;
    const proposalId = await submitAsNewSpeaker(db, event, title);

    // The background sender posts it; the receiver checks the signature with the reference library.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const wh = new Webhook(secret);
    const first = wh.verify(receiver.received[0].body, receiver.received[0].headers) as {
      type: string;
      data: { proposal: { id: string; code: string; number: number; guid: string } };
    };
    expect(first.type).toBe("proposal.submitted");
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { code: true, number: true, guid: true } });
    expect(first.data.proposal).toMatchObject({ id: proposalId, ...stored });

    // The receiver has it before the sender records the answer: wait for the record, not the clock.
    await expect
      .poll(
        async () => (await db.webhookDelivery.findFirst({ where: { endpoint: { eventId: event.id } }, select: { status: true } }))?.status,
        {
          timeout: 30_000,
        },
      )
      .toBe("DELIVERED");
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

    // Remove the endpoint: later deliveries of this event would go to a closed port.
    await page.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByText("No webhook yet.")).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test("an organizer imports a Sessionize file after a preview", async ({ page, db, signIn }) => {
  const event = await ownEvent(db);
  await signIn(page, event.organizer);
  await page.goto(`/organize/${event.slug}/import`);
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
  // The file's questions: created here as the file defines them, with their answers; an unknown one's answer stays in the notes.
  const questions = page.getByRole("region", { name: "Questions" });
  await expect(questions.getByRole("listitem").filter({ hasText: "Have you given this talk before?" })).toContainText(
    "(short text, asked of each proposal) — new question, 1 answer",
  );
  await expect(questions.getByRole("listitem").filter({ hasText: "First time speaking at a conference?" })).toContainText(
    "(yes / no, asked of each speaker) — new question, 1 answer",
  );
  await expect(rows.filter({ hasText: "Async Rust in Embedded Systems with Embassy" })).toContainText(
    "Created, with 1 answer (1 answer without a question here kept in the notes)",
  );
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Import 4 proposals" }).click();
  await expect(page.getByText("Imported 4 proposals.")).toBeVisible();

  // The same file again: everything is already there.
  await page.getByLabel("Exported from").selectOption("sessionize");
  await page.getByLabel("File (JSON)").setInputFiles(path.join(REPO_ROOT, "tests/fixtures/imports/sessionize-all-data.json"));
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(page.getByText("0 to create, 5 skipped")).toBeVisible();
  await expect(page.getByText("Questions: 0 new, 2 already in this event; 0 answers to import.")).toBeVisible();
  await expect(page.getByText("There is nothing new to import from this file.")).toBeVisible();
});
