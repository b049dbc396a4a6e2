"use server";
import { revalidatePath, updateTag } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import { removeEventLogo, setAccentColor, setEventLogo } from "@/lib/programme/branding/branding";
import { accentColorInput, logoUploadInput } from "@/lib/programme/branding/schemas";
import { brandingTag } from "@/lib/programme/cache-tag";

// The public pages' logo and accent colour (ADR 0023). The event id is bound
// by the page; each domain function checks that the user organizes the event.

function refresh(slug: string) {
  updateTag(brandingTag(slug));
  revalidatePath(`/events/${slug}`, "layout");
  revalidatePath(`/organize/${slug}/settings`);
}

export async function uploadLogoAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(logoUploadInput, { logo: formData.get("logo") }, null, async ({ logo }) => {
    const { slug } = await setEventLogo(db, requireSignedIn(user), target, new Uint8Array(await logo.arrayBuffer()));
    refresh(slug);
    return { ok: true, message: "Logo saved." };
  });
}

export async function removeLogoAction(eventId: string, _prev: FormState, _formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(z.object({}), {}, null, async () => {
    const { slug } = await removeEventLogo(db, requireSignedIn(user), target);
    refresh(slug);
    return { ok: true, message: "Logo removed." };
  });
}

export async function accentColorAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(accentColorInput, { accentColor: formData.get("accentColor") ?? "" }, formData, async (data) => {
    const { slug } = await setAccentColor(db, requireSignedIn(user), target, data);
    refresh(slug);
    return { ok: true, message: data.accentColor ? "Accent colour saved." : "Accent colour removed: public pages use the app's colour." };
  });
}
