import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/sign-in/session";
import { isMailboxEnabled } from "@/lib/config";
import { db } from "@/lib/db";
import { headerEntryPoints } from "@/lib/events/creators";
import { signOutAction } from "./signin/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "CFP", template: "%s · CFP" },
  description: "Call for papers: submit, review and select conference talks.",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const offers = user ? await headerEntryPoints(db, user.id) : { review: false, organize: false };
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main" className="nav container">
            <Link href="/" className="brand">
              CFP
            </Link>
            <ul className="nav-links">
              {user && (
                <>
                  <li>
                    <Link href="/speaker">My proposals</Link>
                  </li>
                  <li>
                    <Link href="/speaker/talks">Talk library</Link>
                  </li>
                  {offers.review && (
                    <li>
                      <Link href="/review">Review</Link>
                    </li>
                  )}
                  {offers.organize && (
                    <li>
                      <Link href="/organize">Organize</Link>
                    </li>
                  )}
                  <li>
                    <Link href="/speaker/profile">Profile</Link>
                  </li>
                </>
              )}
              {isMailboxEnabled() && (
                <li>
                  <Link href="/mailbox">Mailbox</Link>
                </li>
              )}
              <li>
                {user ? (
                  <form action={signOutAction}>
                    <button type="submit" className="btn btn-link" title={user.email}>
                      Sign out
                    </button>
                  </form>
                ) : (
                  <Link href="/signin">Sign in</Link>
                )}
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" className="container">
          {children}
        </main>
      </body>
    </html>
  );
}
