import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { deliverOne } from "@/lib/email/deliver";
import { enqueueEmail } from "@/lib/email/outbox";
import { signInEmail } from "@/lib/email/messages/sign-in";
import { appUrl, authTrustHost, isGitHubEnabled } from "@/lib/config";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { allowSignInEmail } from "@/lib/rate-limit/sign-in";
import { normalizingAdapter } from "./adapter";
import { newUserCode } from "@/lib/identifiers/public-code";
import { normalizeEmail } from "@/lib/auth/email-address";
import { gitHubProvider } from "./github";
import { SESSION_MAX_AGE_SECONDS, signInLinkUrl } from "./sign-in-link";

// Email link sign-in goes through our outbox like every other message:
// delivered by SMTP when SMTP_URL is set, shown on the mailbox page otherwise.
// The link opens our confirmation page (/signin/confirm), which spends the
// token only when its button is pressed; next-auth's own callback for this
// provider is closed (lib/sign-in/route-guard.ts).
const emailProvider: Provider = {
  id: "email",
  type: "email",
  name: "Email",
  from: "",
  maxAge: 24 * 60 * 60,
  options: {},
  normalizeIdentifier: normalizeEmail,
  async sendVerificationRequest({ identifier, url, token, request }) {
    // Over a limit, no email, and the same "check your email" answer (lib/rate-limit/sign-in.ts).
    if (!(await allowSignInEmail(db, { email: identifier, client: clientAddress(request.headers) }))) return;
    const link = signInLinkUrl(appUrl(), { email: identifier, token, callbackUrl: new URL(url).searchParams.get("callbackUrl") });
    const queued = await enqueueEmail(db, { to: identifier, kind: "sign-in", ...signInEmail(link) });
    // Its own link only, now; everything else is the delivery loop's (lib/email/delivery-loop.ts).
    await deliverOne(db, queued.id);
  },
};

const providers: Provider[] = [emailProvider];
if (isGitHubEnabled()) providers.push(gitHubProvider());

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Our generated client is a PrismaClient; the adapter's types expect @prisma/client's.
  adapter: normalizingAdapter(PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]), () => newUserCode(db)),
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
  providers,
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  // Host headers build URLs only when AUTH_URL is unset and AUTH_TRUST_HOST allows it (lib/config.ts).
  trustHost: authTrustHost(),
});
