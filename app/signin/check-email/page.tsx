import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { isMailboxEnabled } from "@/lib/config";
import { sentAddress } from "../sent-address";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  const sent = sentAddress(await cookies());
  const mailbox = isMailboxEnabled();
  return (
    <div className="card stack" style={{ maxWidth: 520 }}>
      <h1>Check your email</h1>
      {sent ? (
        <p>
          If <strong>{sent.email}</strong> can receive mail, a sign-in link is on its way. It works once and expires in 24 hours.
        </p>
      ) : (
        <p>If the address can receive mail, a sign-in link is on its way. It works once and expires in 24 hours.</p>
      )}
      {mailbox && (
        <p className="alert alert-info">
          Demo mode: no email leaves this server. Open the{" "}
          <Link href={sent ? `/mailbox?to=${encodeURIComponent(sent.email)}` : "/mailbox"}>mailbox</Link> to find your link.
        </p>
      )}
      {sent && (
        <section aria-labelledby="no-email">
          <h2 id="no-email">Nothing arrived?</h2>
          <p>
            Look in your spam folder first. Or{" "}
            <Link href={`/signin?again=1&callbackUrl=${encodeURIComponent(sent.callbackUrl)}`}>
              send the link again, or to another address
            </Link>
            .
          </p>
        </section>
      )}
    </div>
  );
}
