import type { Metadata } from "next";
import { safeCallbackPath } from "@/lib/sign-in/callback-path";
import { db } from "@/lib/db";
import { isDemoMode, isGitHubEnabled } from "@/lib/config";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { demoSignInAction, gitHubSignInAction } from "./actions";
import { EmailSignInForm } from "./EmailSignInForm";
import { sentAddress } from "./sent-address";
import { cookies } from "next/headers";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  Configuration: "Sign-in is not available right now. Try again later.",
  OAuthAccountNotLinked: "That email address already has an account here. Sign in with an email link instead.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  // "Send the link again" (from Check your email): the address the last link went to, ready to send or change.
  const again = sp.again ? sentAddress(await cookies()) : null;
  const callbackUrl = again?.callbackUrl ?? safeCallbackPath(sp.callbackUrl);
  const demoUsers = isDemoMode()
    ? await db.user.findMany({
        where: { isDemo: true },
        orderBy: { email: "asc" },
        select: { email: true, name: true, eventMembers: { select: { role: true }, take: 1 } },
      })
    : [];
  return (
    <div className="stack" style={{ maxWidth: 520 }}>
      <h1>Sign in</h1>
      <p className="lead">We email you a link; no password needed. New here? The same link creates your account.</p>
      {sp.error && (
        <p className="alert alert-error" role="alert">
          {ERRORS[sp.error] ?? "Sign-in failed. Try again."}
        </p>
      )}
      <div className="card">
        <EmailSignInForm callbackUrl={callbackUrl} email={again?.email} />
        {isGitHubEnabled() && (
          <form action={gitHubSignInAction} style={{ marginTop: "1rem" }}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <SubmitButton variant="secondary" pendingText="Opening GitHub…">
              Sign in with GitHub
            </SubmitButton>
          </form>
        )}
      </div>
      {demoUsers.length > 0 && (
        <section className="card" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demo accounts</h2>
          <p className="muted">Demo mode: sign in as one of the seeded people with one click.</p>
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {demoUsers.map((u) => (
              <li key={u.email}>
                <form action={demoSignInAction} className="row">
                  <input type="hidden" name="email" value={u.email} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <SubmitButton variant="secondary" pendingText="Signing in…">
                    Sign in as {u.name ?? u.email}
                  </SubmitButton>
                  <span className="muted">{u.eventMembers[0]?.role.toLowerCase() ?? "speaker"}</span>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
