// The mocks every test that calls the app's server actions directly needs:
// the actor under test as the session, the per-test database as `db`, request
// headers and cookies, and no-op revalidation and after(). Import it first:
//   import "./support/mock-next";
// (vi.mock here is hoisted within this module, which runs before the test
// file's later imports load the app.)
import { vi } from "vitest";

vi.mock("@/lib/db", async () => (await import("./next-mocks")).dbModule());
vi.mock("@/lib/sign-in/session", async () => (await import("./next-mocks")).sessionModule());
vi.mock("next/headers", async () => (await import("./next-mocks")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));
