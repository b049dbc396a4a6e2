"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import { resolveAffiliationFlag } from "@/lib/reviews/conflicts/affiliation";
import { declareConflict, removeConflict } from "@/lib/reviews/conflicts/manage";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";

// Each action: the event id is bound by the page; the domain function checks it and the actor.

function revalidate() {
  revalidatePath("/organize", "layout");
  revalidatePath("/review", "layout");
}

/** A new conflict may have removed reviews: normalized scores span the event and are refreshed after the response. */
function refreshStatsAfterResponse(eventId: string) {
  after(async () => {
    try {
      await refreshEventStats(db, eventId);
    } catch (e) {
      console.error("Refreshing event stats failed", e);
    }
  });
}

const flagInput = z.object({ reviewerId: id, speakerId: id, decision: z.enum(["confirm", "dismiss"]) });

export async function resolveFlagAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(flagInput, Object.fromEntries(formData), formData, async (input) => {
    await resolveAffiliationFlag(db, requireSignedIn(user), target, input);
    if (input.decision === "confirm") refreshStatsAfterResponse(target);
    revalidate();
    return { ok: true, message: input.decision === "confirm" ? "Confirmed as a conflict." : "Dismissed." };
  });
}

const removeInput = z.object({ kind: z.enum(["proposal", "speaker"]), id });

export async function removeConflictAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(removeInput, Object.fromEntries(formData), formData, async (input) => {
    await removeConflict(db, requireSignedIn(user), target, input);
    revalidate();
    return { ok: true, message: "Removed." };
  });
}

/** The form's "with" select posts "proposal:<id>" or "speaker:<id>". */
const declareInput = z.object({
  reviewerId: z.string().min(1, "Choose a team member.").max(64),
  with: z
    .string()
    .regex(/^(proposal|speaker):[^:]{1,64}$/, "Choose a proposal or a speaker.")
    .transform((v) => {
      const [kind, targetId] = v.split(":");
      return kind === "proposal" ? { proposalId: targetId } : { speakerId: targetId };
    }),
});

export async function declareConflictAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(declareInput, Object.fromEntries(formData), formData, async ({ reviewerId, with: other }) => {
    await declareConflict(db, requireSignedIn(user), target, { reviewerId, ...other });
    refreshStatsAfterResponse(target);
    revalidate();
    return {
      ok: true,
      message: "Conflict declared. Their assignments and reviews of the proposals it covers that are still under review were removed.",
    };
  });
}
