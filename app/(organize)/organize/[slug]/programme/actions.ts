"use server";
import { revalidatePath, updateTag } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { rowsFromForm } from "@/lib/forms/rows";
import { id } from "@/lib/text/fields";
import { updateConference } from "@/lib/programme/conference";
import { addBlock, moveItem, placeTalk, removeItem } from "@/lib/programme/place";
import { publishRelease } from "@/lib/programme/release";
import { addBlockInput, conferenceInput, moveItemInput, placeTalkInput, publishInput } from "@/lib/programme/schemas";
import { programmeTag } from "@/lib/programme/cache-tag";
import { requireSignedIn } from "@/lib/auth/actor";

// The event id is bound by the page; every domain function checks the
// organizer and the organizer scope against the database.

const fields = (formData: FormData, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n) ?? ""]));

function refreshEditor(slug: string) {
  revalidatePath(`/organize/${slug}/programme`);
}

export async function conferenceAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = {
    ...fields(formData, ["startsOn", "endsOn", "venue"]),
    rooms: rowsFromForm(formData, "rooms", ["id", "name", "capacity"]),
  };
  return handleForm(conferenceInput, input, formData, async (data) => {
    await updateConference(db, requireSignedIn(user), target, data);
    refreshEditor(slug);
    return { ok: true, message: "Conference saved." };
  });
}

export async function placeTalkAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(placeTalkInput, fields(formData, ["proposalId", "roomId", "start", "durationMinutes"]), formData, async (data) => {
    await placeTalk(db, requireSignedIn(user), target, data);
    refreshEditor(slug);
    return { ok: true, message: "Talk placed." };
  });
}

export async function addBlockAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(addBlockInput, fields(formData, ["title", "roomId", "start", "durationMinutes"]), formData, async (data) => {
    await addBlock(db, requireSignedIn(user), target, data);
    refreshEditor(slug);
    return { ok: true, message: `${data.title} added.` };
  });
}

export async function moveItemAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(moveItemInput, fields(formData, ["itemId", "roomId", "start", "durationMinutes"]), formData, async (data) => {
    await moveItem(db, requireSignedIn(user), target, data);
    refreshEditor(slug);
    return { ok: true, message: "Moved." };
  });
}

export async function removeItemAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(z.object({ itemId: id }), fields(formData, ["itemId"]), null, async ({ itemId }) => {
    await removeItem(db, requireSignedIn(user), target, itemId);
    refreshEditor(slug);
    return { ok: true, message: "Removed from the schedule." };
  });
}

export async function publishAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(publishInput, fields(formData, ["note"]), formData, async (data) => {
    const { version, changes } = await publishRelease(db, requireSignedIn(user), target, data);
    // Public pages and exports are cached until the next release.
    updateTag(programmeTag(slug));
    revalidatePath(`/events/${slug}`, "layout");
    refreshEditor(slug);
    return { ok: true, message: `Release ${version} published (${changes.length} ${changes.length === 1 ? "change" : "changes"}).` };
  });
}
