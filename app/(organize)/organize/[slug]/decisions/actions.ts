"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { publishDecisions, setPendingDecisions, type BulkResult } from "@/lib/lifecycle/decide";
import { sendConfirmationReminders } from "@/lib/decisions/confirmations";
import { bulkDecisionInput, decisionSettingsInput, type BulkOperation } from "@/lib/decisions/schemas";
import { updateDecisionSettings } from "@/lib/decisions/settings";
import { promoteAsPreviewed } from "@/lib/lifecycle/promote-plan";
import { publishAsPreviewed } from "@/lib/lifecycle/publish-plan";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";

// Every action here gets the event id bound by the page and the proposal ids
// from the form; the domain functions check the organizer against the
// database and ignore proposals of other events.

function revalidateAll() {
  revalidatePath("/organize", "layout");
  revalidatePath("/review", "layout");
  revalidatePath("/speaker", "layout");
}

function summary(done: string, r: BulkResult): string {
  const skipped = r.skipped.length ? ` ${r.skipped.length} skipped (${[...new Set(r.skipped.map((s) => s.reason))].join("; ")}).` : "";
  return `${r.changed} ${r.changed === 1 ? "proposal" : "proposals"} ${done}.${skipped}`;
}

const DONE: Record<BulkOperation, string> = {
  ACCEPTED: "marked accepted (not published yet)",
  WAITLISTED: "marked waitlisted (not published yet)",
  REJECTED: "marked rejected (not published yet)",
  UNDECIDED: "marked undecided",
  PUBLISH: "published to their speakers",
};

/** Set a pending decision on, or publish, one or many proposals. */
export async function decideAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = { operation: formData.get("operation"), proposalIds: formData.getAll("proposalId") };
  return handleForm(bulkDecisionInput, input, null, async ({ operation, proposalIds }) => {
    const result =
      operation === "PUBLISH"
        ? await publishDecisions(db, requireSignedIn(user), target, proposalIds)
        : await setPendingDecisions(db, requireSignedIn(user), target, proposalIds, operation === "UNDECIDED" ? null : operation);
    revalidateAll();
    return { ok: true, message: summary(DONE[operation], result) };
  });
}

const fingerprint = z.string().min(1).max(64);

/** "Publish all", confirmed: only the pending decisions the preview showed (publishAsPreviewed refuses otherwise). */
export async function publishAllAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const input = { eventId, fingerprint: formData.get("fingerprint") };
  return handleForm(z.object({ eventId: id, fingerprint }), input, null, async (input) => {
    const result = await publishAsPreviewed(db, requireSignedIn(user), input.eventId, input.fingerprint);
    revalidateAll();
    const emails = result.held ? " The emails are held in the outbox until you release them." : " Their speakers are being emailed.";
    return { ok: true, message: summary(DONE.PUBLISH, result) + (result.changed ? emails : "") };
  });
}

export async function remindAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const ids = formData.getAll("proposalId");
  return handleForm(z.object({ eventId: id, proposalIds: z.array(id).max(500) }), { eventId, proposalIds: ids }, null, async (input) => {
    const { reminded } = await sendConfirmationReminders(
      db,
      requireSignedIn(user),
      input.eventId,
      input.proposalIds.length ? input.proposalIds : undefined,
    );
    revalidateAll();
    return { ok: true, message: `Reminder queued for ${reminded} ${reminded === 1 ? "proposal" : "proposals"}.` };
  });
}

/** "Promote the best", confirmed for the previewed talk (promoteAsPreviewed refuses if another is the best now). */
export async function promoteAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const input = { eventId, sessionTypeId: formData.get("sessionTypeId"), proposalId: formData.get("proposalId") };
  return handleForm(z.object({ eventId: id, sessionTypeId: id, proposalId: id }), input, null, async (input) => {
    const promoted = await promoteAsPreviewed(db, requireSignedIn(user), input.eventId, input.sessionTypeId, input.proposalId);
    revalidateAll();
    const speakers = promoted.speakers.map((s) => s.name || s.email).join(", ");
    const email = promoted.held ? "the email is held in the outbox" : "its speakers have been emailed";
    return { ok: true, message: `Promoted “${promoted.title}” (${speakers}); ${email}.` };
  });
}

export async function decisionSettingsAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = {
    confirmationDeadline: formData.get("confirmationDeadline") ?? "",
    autoPromoteWaitlist: formData.get("autoPromoteWaitlist") === "on",
    holdOutbox: formData.get("holdOutbox") === "on",
  };
  return handleForm(decisionSettingsInput, input, formData, async (settings) => {
    await updateDecisionSettings(db, requireSignedIn(user), target, settings);
    revalidateAll();
    return { ok: true, message: "Decision settings saved." };
  });
}
