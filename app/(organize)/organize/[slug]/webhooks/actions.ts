"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  setWebhookEndpointActive,
} from "@/lib/webhook-endpoints/endpoints";
import { webhookEndpointInput } from "@/lib/webhook-endpoints/schemas";
import { requireSignedIn } from "@/lib/auth/actor";

export type WebhookFormState = FormState & { secret?: string; chosen?: string[] };

/** Registers an endpoint; the answer carries its signing secret, shown this once. */
export async function createWebhookAction(eventId: string, _prev: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  let secret: string | undefined;
  const input = { url: formData.get("url"), eventTypes: formData.getAll("eventTypes") };
  const state = await handleForm(webhookEndpointInput, input, formData, async (data) => {
    secret = (await createWebhookEndpoint(db, requireSignedIn(user), target, data)).secret;
    revalidatePath("/organize/[slug]/webhooks", "page");
    return { ok: true, message: "Webhook added. Copy its signing secret now: it is not shown again." };
  });
  return state.ok ? { ...state, secret } : { ...state, chosen: formData.getAll("eventTypes").map(String) };
}

const endpointAction = z.object({ endpointId: id, active: z.enum(["true", "false"]).optional() });

export async function setWebhookActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(endpointAction, Object.fromEntries(formData), formData, async ({ endpointId, active }) => {
    await setWebhookEndpointActive(db, requireSignedIn(user), endpointId, active === "true");
    revalidatePath("/organize/[slug]/webhooks", "page");
    return { ok: true, message: active === "true" ? "Turned on." : "Paused: deliveries wait until it is on again." };
  });
}

export async function deleteWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(endpointAction, Object.fromEntries(formData), formData, async ({ endpointId }) => {
    await deleteWebhookEndpoint(db, requireSignedIn(user), endpointId);
    revalidatePath("/organize/[slug]/webhooks", "page");
    return { ok: true, message: "Webhook removed." };
  });
}

const resendInput = z.object({ deliveryId: id });

export async function resendDeliveryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(resendInput, Object.fromEntries(formData), formData, async ({ deliveryId }) => {
    await resendWebhookDelivery(db, requireSignedIn(user), deliveryId);
    revalidatePath("/organize/[slug]/webhooks", "page");
    return { ok: true, message: "Queued again." };
  });
}
