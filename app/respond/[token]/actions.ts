"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { respondByLink } from "@/lib/lifecycle/respond";
import { respondInput } from "@/lib/lifecycle/respond-schema";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";

const linkForm = z.intersection(z.object({ token: z.string().min(10).max(600) }), respondInput);

/** Confirm or decline from the emailed link: the signed token is the speaker's credential. */
export async function respondByLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(linkForm, Object.fromEntries(formData), formData, async ({ token, answer }) => {
    await respondByLink(db, token, answer);
    revalidatePath("/speaker");
    revalidatePath("/organize", "layout");
    revalidatePath(`/respond/${token}`);
    return {
      ok: true,
      message: answer === "confirm" ? "Thank you: your talk is confirmed." : "Thank you for letting us know: your talk is declined.",
    };
  });
}
