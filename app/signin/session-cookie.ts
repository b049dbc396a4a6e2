import type { cookies } from "next/headers";
import { sessionCookieName } from "@/lib/sign-in/demo-session";
import { appUrl } from "@/lib/config";

type Jar = Awaited<ReturnType<typeof cookies>>;

/** The name next-auth reads the database session token from. */
export const sessionCookie = () => sessionCookieName(appUrl());

/** Sets the session cookie as next-auth would for a database session. */
export function setSessionCookie(jar: Jar, session: { token: string; expires: Date }): void {
  jar.set(sessionCookie(), session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure: appUrl().startsWith("https://"),
    path: "/",
    expires: session.expires,
    maxAge: Math.max(0, Math.floor((session.expires.getTime() - Date.now()) / 1000)),
  });
}
