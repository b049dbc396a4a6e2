"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { ERASE_CONFIRMATION, eraseOwnAccount } from "@/lib/own-data/erase";
import { requireSignedIn } from "@/lib/auth/actor";

const input = z.object({ confirmation: z.string().trim().min(1, `Type ${ERASE_CONFIRMATION} to confirm.`).max(20) });

/** Erases the signed-in person's account after they typed the confirmation word; their sessions end with it. */
export async function eraseAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  let erased = false;
  const state = await handleForm(input, Object.fromEntries(formData), formData, async ({ confirmation }) => {
    await eraseOwnAccount(db, requireSignedIn(user), confirmation);
    erased = true;
  });
  if (erased) redirect("/?account=erased");
  return state;
}
