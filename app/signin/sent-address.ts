import type { cookies } from "next/headers";
import { z } from "zod";
import { appUrl } from "@/lib/config";
import { safeCallbackPath } from "@/lib/sign-in/callback-path";
import { email } from "@/lib/text/fields";

type Jar = Awaited<ReturnType<typeof cookies>>;

// Where the last sign-in link went, so "Check your email" can name the address and send it again.
// Only this browser's own answer, kept an hour, readable by the sign-in pages only.
const NAME = "cfp-sign-in-sent";
const MAX_AGE_SECONDS = 60 * 60;
const sent = z.object({ email, callbackUrl: z.string().transform(safeCallbackPath) });

export function rememberSentAddress(jar: Jar, value: { email: string; callbackUrl: string }): void {
  jar.set(NAME, JSON.stringify(value), {
    httpOnly: true,
    sameSite: "lax",
    secure: appUrl().startsWith("https://"),
    path: "/signin",
    maxAge: MAX_AGE_SECONDS,
  });
}

export function sentAddress(jar: Jar): z.infer<typeof sent> | null {
  const raw = jar.get(NAME)?.value;
  if (!raw) return null;
  try {
    const parsed = sent.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
