// The per-address limit on sign-in emails protects an inbox, so it counts
// per inbox: `inbox+1@`, `inbox+2@`… (and Gmail's dotted spellings) share one
// count, while each email still goes to the address exactly as typed.
import "./support/mock-next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { canonicalMailbox } from "@/lib/auth/email-address";
import { SIGN_IN_EMAILS_PER_ADDRESS } from "@/lib/rate-limit/limits";
import { useTestDb } from "@/tests/support/test-db";
import { resetRequest, setRequestHeaders } from "./support/next-mocks";
import { askForLinkByRoute } from "./support/sign-in-route";

const getDb = useTestDb();

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
  vi.stubEnv("AUTH_URL", "http://localhost:3000");
});
afterEach(() => vi.unstubAllEnvs());

describe("canonicalMailbox", () => {
  it.each([
    ["inbox+1@example.org", "inbox@example.org"],
    ["inbox+a+b@example.org", "inbox@example.org"],
    ["first.last@example.org", "first.last@example.org"],
    ["first.last+cfp@gmail.com", "firstlast@gmail.com"],
    ["f.i.r.s.t.last@googlemail.com", "firstlast@gmail.com"],
    ["+only@example.org", "+only@example.org"],
  ])("%s is the inbox %s", (address, inbox) => {
    expect(canonicalMailbox(address)).toBe(inbox);
  });
});

describe("the per-address sign-in email limit", () => {
  it(`sends at most ${SIGN_IN_EMAILS_PER_ADDRESS.max} links to one inbox however its address is tagged`, async () => {
    const spellings = Array.from({ length: SIGN_IN_EMAILS_PER_ADDRESS.max + 3 }, (_, i) => `flooded.inbox+${i}@example.org`);
    for (const email of spellings) expect((await askForLinkByRoute(email)).location).toMatch(/verify-request/);
    const sent = await getDb().outboxEmail.findMany({ where: { kind: "sign-in" }, select: { to: true }, orderBy: { createdAt: "asc" } });
    expect(sent.map((m) => m.to)).toEqual(spellings.slice(0, SIGN_IN_EMAILS_PER_ADDRESS.max));
  });

  it("counts Gmail's dotted and googlemail.com spellings as one inbox", async () => {
    const spellings = [
      "jo.doe@gmail.com",
      "jodoe@gmail.com",
      "j.o.doe@googlemail.com",
      "jodoe+x@gmail.com",
      "jo.d.oe@gmail.com",
      "jod.oe@gmail.com",
    ];
    for (const email of spellings) await askForLinkByRoute(email);
    expect(await getDb().outboxEmail.count({ where: { kind: "sign-in" } })).toBe(SIGN_IN_EMAILS_PER_ADDRESS.max);
  });

  it("keeps separate counts for separate inboxes", async () => {
    for (const email of ["one.person@example.org", "one.person@example.net", "oneperson@example.org"]) await askForLinkByRoute(email);
    expect(await getDb().outboxEmail.count({ where: { kind: "sign-in" } })).toBe(3);
  });
});
