"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/sign-in/auth";
import { safeCallbackPath } from "@/lib/sign-in/callback-path";
import { createDemoSession } from "@/lib/sign-in/demo-session";
import { redeemSignInLink } from "@/lib/sign-in/sign-in-link";
import { signingSecret } from "@/lib/config";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import { email } from "@/lib/text/fields";
import { formValues, type FormState } from "@/lib/forms/result";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { waitText } from "@/lib/rate-limit/fixed-window";
import { signInClientVerdict } from "@/lib/rate-limit/sign-in";
import { sessionCookie, setSessionCookie } from "./session-cookie";
import { rememberSentAddress } from "./sent-address";

/** Only same-site paths: an open redirect would make sign-in links phishable. */
const callbackPath = z.string().optional().transform(safeCallbackPath);

const signInInput = z.object({ email, callbackUrl: callbackPath });

export async function emailSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(signInInput, Object.fromEntries(formData), formData, async ({ email, callbackUrl }) => {
    // Only a client over its own limit hears about it; an address over its limit
    // gets the same answer as any other, and no email (lib/rate-limit/sign-in.ts).
    const verdict = await signInClientVerdict(db, clientAddress(await headers()));
    if (verdict && !verdict.allowed) {
      return {
        formError: `Too many sign-in links were asked for from your network. Try again in ${waitText(verdict.resetAt)}.`,
        values: formValues(formData),
      };
    }
    rememberSentAddress(await cookies(), { email, callbackUrl });
    // Same answer for known and unknown addresses: next-auth creates the account on first use.
    await signIn("email", { email, redirectTo: callbackUrl });
  });
}

const demoInput = z.object({ email, callbackUrl: callbackPath });

export async function demoSignInAction(formData: FormData): Promise<void> {
  const { email, callbackUrl } = demoInput.parse(Object.fromEntries(formData));
  const { token, expires } = await createDemoSession(db, email);
  setSessionCookie(await cookies(), { token, expires });
  redirect(callbackUrl);
}

const confirmInput = z.object({ email, token: z.string().min(1).max(200), callbackUrl: callbackPath });

/**
 * The button on the page a sign-in link opens (/signin/confirm): only this
 * POST spends the link, so a prefetching mail scanner or a page linking to
 * it signs no one in. Server actions refuse cross-site posts (Origin check).
 */
export async function confirmSignInAction(formData: FormData): Promise<void> {
  const parsed = confirmInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/signin?error=Verification");
  const jar = await cookies();
  const session = await redeemSignInLink(db, {
    email: parsed.data.email,
    token: parsed.data.token,
    secret: signingSecret(),
    previousSessionToken: jar.get(sessionCookie())?.value,
  });
  if (!session) redirect("/signin?error=Verification");
  setSessionCookie(jar, { token: session.sessionToken, expires: session.expires });
  redirect(parsed.data.callbackUrl);
}

export async function gitHubSignInAction(formData: FormData): Promise<void> {
  const { callbackUrl } = z.object({ callbackUrl: callbackPath }).parse(Object.fromEntries(formData));
  await signIn("github", { redirectTo: callbackUrl });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
