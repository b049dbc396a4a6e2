"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { createApiToken, createTokenInput, revokeApiToken } from "@/lib/api/tokens";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import { requireSignedIn } from "@/lib/auth/actor";

/** The token, once: the page shows it and the database keeps only its hash. */
export type TokenFormState = FormState & { token?: string };

/** Creates a token for the event bound by the page; createApiToken checks that the user organizes it. */
export async function createApiTokenAction(eventId: string, _prev: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  let token: string | undefined;
  const input = { name: formData.get("name") ?? "", scopes: formData.getAll("scopes"), expiresIn: formData.get("expiresIn") ?? "" };
  const state = await handleForm(createTokenInput, input, formData, async (data) => {
    const created = await createApiToken(db, requireSignedIn(user), target, data);
    token = created.token;
    revalidatePath(`/organize`, "layout");
    return { ok: true, message: `Token "${created.name}" created. Copy it now: it will not be shown again.` };
  });
  return token ? { ...state, token } : state;
}

const revokeInput = z.object({ tokenId: id });

/** Revokes a token of the event at once. */
export async function revokeApiTokenAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(revokeInput, Object.fromEntries(formData), formData, async ({ tokenId }) => {
    await revokeApiToken(db, requireSignedIn(user), target, tokenId);
    revalidatePath(`/organize`, "layout");
    return { ok: true, message: "Token revoked." };
  });
}
