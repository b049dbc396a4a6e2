import type { Metadata } from "next";
import Link from "next/link";
import { isMailboxEnabled } from "@/lib/config";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <div className="card" style={{ maxWidth: 520 }}>
      <h1>Check your email</h1>
      <p>If the address can receive mail, a sign-in link is on its way. It works once and expires in 24 hours.</p>
      {isMailboxEnabled() && (
        <p className="alert alert-info">
          Demo mode: no email leaves this server. Open the <Link href="/mailbox">mailbox</Link> to find your link.
        </p>
      )}
    </div>
  );
}
