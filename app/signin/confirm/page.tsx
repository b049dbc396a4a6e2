import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/sign-in/session";
import { safeCallbackPath } from "@/lib/sign-in/callback-path";
import { email as emailField } from "@/lib/text/fields";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { confirmSignInAction } from "../actions";

// The token is in this page's address: never send it on as a Referer.
export const metadata: Metadata = { title: "Sign in", referrer: "no-referrer", robots: { index: false } };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * Where a sign-in link lands. Opening it changes nothing; the button does.
 * So a mail scanner's prefetch leaves the link usable, and a link someone
 * else sent cannot switch a signed-in visitor's account without asking.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: Promise<Params> }) {
  const sp = await searchParams;
  const address = emailField.safeParse(one(sp.email) ?? "");
  const token = one(sp.token);
  const callbackUrl = safeCallbackPath(one(sp.callbackUrl));
  if (!address.success || !token) {
    return (
      <div className="card stack" style={{ maxWidth: 520 }}>
        <h1>Sign in</h1>
        <p className="alert alert-error" role="alert">
          This sign-in link is incomplete. Copy the whole link from the email, or ask for a new one.
        </p>
        <p>
          <Link href="/signin">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  const user = await currentUser();
  const other = user && user.email !== address.data ? user : null;
  return (
    <div className="card stack" style={{ maxWidth: 520 }}>
      <h1>Sign in</h1>
      {other ? (
        <p className="alert alert-warn" role="alert">
          You are signed in as <strong>{other.email}</strong>. This link signs you in as <strong>{address.data}</strong> instead. Only
          continue if you asked for it.
        </p>
      ) : (
        <p>
          This link signs you in as <strong>{address.data}</strong>.
        </p>
      )}
      <form action={confirmSignInAction} className="row">
        <input type="hidden" name="email" value={address.data} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <SubmitButton pendingText="Signing in…">Sign in as {address.data}</SubmitButton>
        <Link href={other ? callbackUrl : "/"}>{other ? `Stay signed in as ${other.email}` : "Cancel"}</Link>
      </form>
    </div>
  );
}
