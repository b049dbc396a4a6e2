"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import { bulkTag, setProposalTags } from "@/lib/tags/apply";
import { createTag, deleteTag, updateTag } from "@/lib/tags/define";
import { bulkTagInput, proposalTagsInput, tagInput } from "@/lib/tags/schemas";
import { requireSignedIn } from "@/lib/auth/actor";

// The event id (and proposal or tag id) is bound by the page; every domain
// function checks the organizer and the organizer scope in the database.

function revalidate() {
  revalidatePath("/organize", "layout");
  revalidatePath("/review", "layout");
}

const tagFields = (fd: FormData) => ({ name: fd.get("name") ?? "", color: fd.get("color") ?? "", public: fd.get("public") ?? undefined });

export async function createTagAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(tagInput, tagFields(formData), formData, async (input) => {
    await createTag(db, requireSignedIn(user), target, input);
    revalidate();
    return { ok: true, message: `Tag “${input.name}” created.` };
  });
}

export async function updateTagAction(eventId: string, tagId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const [event, tag] = [id.parse(eventId), id.parse(tagId)];
  return handleForm(tagInput, tagFields(formData), formData, async (input) => {
    await updateTag(db, requireSignedIn(user), event, tag, input);
    revalidate();
    return { ok: true, message: "Tag saved." };
  });
}

export async function deleteTagAction(eventId: string, tagId: string, _prev: FormState, _formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(z.object({ eventId: id, tagId: id }), { eventId, tagId }, null, async (input) => {
    await deleteTag(db, requireSignedIn(user), input.eventId, input.tagId);
    revalidate();
    return { ok: true, message: "Tag deleted." };
  });
}

/** The list's and the ranking's "Add tag" / "Remove tag" on the checked proposals. */
export async function bulkTagAction(eventId: string, op: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = { tagId: formData.get("tagId"), op, proposalIds: formData.getAll("proposalId") };
  return handleForm(bulkTagInput, input, null, async ({ tagId, op, proposalIds }) => {
    const { changed, skipped } = await bulkTag(db, requireSignedIn(user), target, { tagId, op, proposalIds });
    revalidate();
    const verb = op === "add" ? "tagged" : "untagged";
    const rest = skipped > 0 ? ` ${skipped} skipped (not found, or you speak on it).` : "";
    return { ok: true, message: `${changed} ${changed === 1 ? "proposal" : "proposals"} ${verb}.${rest}` };
  });
}

/** The proposal page's tag checkboxes. */
export async function setProposalTagsAction(eventId: string, proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const [event, proposal] = [id.parse(eventId), id.parse(proposalId)];
  return handleForm(proposalTagsInput, { tagIds: formData.getAll("tagId") }, null, async ({ tagIds }) => {
    await setProposalTags(db, requireSignedIn(user), event, proposal, tagIds);
    revalidate();
    return { ok: true, message: "Tags saved." };
  });
}
