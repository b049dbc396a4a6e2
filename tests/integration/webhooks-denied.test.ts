import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  resendWebhookDelivery,
  setWebhookEndpointActive,
} from "@/lib/webhook-endpoints/endpoints";
import { expectDenied } from "./helpers";

const getDb = useTestDb();

async function setup() {
  const db = getDb();
  const event = await createEvent(db);
  const other = await createEvent(db);
  const { id } = await createWebhookEndpoint(
    db,
    signedInAs(event.organizer.id),
    event.id,
    { url: "https://hooks.example.org/cfp", eventTypes: ["proposal.submitted"] },
    { allowPrivate: false },
  );
  const delivery = await db.webhookDelivery.create({
    data: { endpointId: id, messageId: "msg_test", eventType: "proposal.submitted", payload: "{}" },
  });
  const reviewer = await addReviewer(db, event);
  const speaker = (await createProposal(db, { event })).speaker;
  const outsiders = {
    anonymous: null,
    reviewer: reviewer.id,
    speaker: speaker.id,
    "organizer of another event": other.organizer.id,
    stranger: (await createUser(db)).id,
  };
  return { db, event, endpointId: id, deliveryId: delivery.id, outsiders };
}

describe("webhook management is for the event's organizers only", () => {
  it("refuses every other actor and changes nothing", async () => {
    const { db, event, endpointId, deliveryId, outsiders } = await setup();
    for (const [who, actor] of Object.entries(outsiders)) {
      const code = actor === null ? "unauthenticated" : who === "reviewer" ? "forbidden" : "not_found";
      const input = { url: "https://attacker.example.com/", eventTypes: ["proposal.submitted" as const] };
      await expectDenied(db, code, () => createWebhookEndpoint(db, signedInAs(actor), event.id, input, { allowPrivate: false }));
      await expectDenied(db, code, () => listWebhookEndpoints(db, signedInAs(actor), event.id));
      const byId = actor === null ? "unauthenticated" : who === "reviewer" ? "forbidden" : "not_found";
      await expectDenied(db, byId, () => setWebhookEndpointActive(db, signedInAs(actor), endpointId, false));
      await expectDenied(db, byId, () => deleteWebhookEndpoint(db, signedInAs(actor), endpointId));
      await expectDenied(db, byId, () => resendWebhookDelivery(db, signedInAs(actor), deliveryId));
    }
  });

  it("the organizer lists endpoints without their secrets", async () => {
    const { db, event } = await setup();
    const list = await listWebhookEndpoints(db, signedInAs(event.organizer.id), event.id);
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain("whsec_");
    expect(list[0].deliveries).toHaveLength(1);
  });
});
