import { sessionCookieName } from "@/lib/sign-in/demo-session";

/** The cookie that carries a database session's token on the plain-http servers of the benchmark, the load run and the tests. */
export const SESSION_COOKIE = sessionCookieName("http://localhost");
