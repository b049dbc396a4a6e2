import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";
import type { Provider } from "next-auth/providers";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/db";
import { deliverOne } from "@/lib/email/deliver";
import { enqueueEmail } from "@/lib/email/outbox";
import { signInEmail } from "@/lib/email/messages/sign-in";
import { isGitHubEnabled } from "@/lib/config";
import { clientAddress } from "@/lib/rate-limit/client-address";
import { allowSignInEmail } from "@/lib/rate-limit/sign-in";
import { normalizeEmail } from "./email-address";

// Email link sign-in goes through our outbox like every other message:
// delivered by SMTP when SMTP_URL is set, shown on the mailbox page otherwise.
const emailProvider: Provider = {
  id: "email",
  type: "email",
  name: "Email",
  from: "",
  maxAge: 24 * 60 * 60,
  options: {},
  normalizeIdentifier: normalizeEmail,
  async sendVerificationRequest({ identifier, url, request }) {
    // Over a limit, no email, and the same "check your email" answer (lib/rate-limit/sign-in.ts).
    if (!(await allowSignInEmail(db, { email: identifier, client: clientAddress(request.headers) }))) return;
    const queued = await enqueueEmail(db, { to: identifier, kind: "sign-in", ...signInEmail(url) });
    // Its own link only, now; everything else is the delivery loop's (lib/email/delivery-loop.ts).
    await deliverOne(db, queued.id);
  },
};

const providers: Provider[] = [emailProvider];
if (isGitHubEnabled()) providers.push(GitHub);

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Our generated client is a PrismaClient; the adapter's types expect @prisma/client's.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
  providers,
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  trustHost: true,
});
