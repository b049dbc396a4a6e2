import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { pathTo, PROPOSAL_STATUSES, TRANSITIONS, WEBHOOK_EVENT_FOR, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { allowPrivateNetworks, isPrivateAddress, urlProblem } from "@/lib/webhooks/address-policy";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { newWebhookSecret, signatureHeaders } from "@/lib/webhooks/signature";

describe("webhook events", () => {
  it("every transition emits one of the subscribable event types", () => {
    for (const type of Object.values(WEBHOOK_EVENT_FOR)) expect(WEBHOOK_EVENT_TYPES).toContain(type);
  });

  it("signs as the Standard Webhooks reference library expects", () => {
    const secret = newWebhookSecret();
    const body = JSON.stringify({ type: "proposal.submitted", data: { n: 1 } });
    const headers = signatureHeaders(secret, "msg_unit", new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers["webhook-signature"]).toBe(
      new Webhook(secret).sign("msg_unit", new Date(Number(headers["webhook-timestamp"]) * 1000), body),
    );
  });
});

describe("private addresses (SSRF)", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["::1", true],
    ["::", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:93.184.216.34", false],
    ["93.184.216.34", false],
    ["2606:2800:220:1:248:1893:25c8:1946", false],
    ["not-an-address", true],
  ])("%s is private: %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("production refuses private networks unless WEBHOOKS_ALLOW_PRIVATE=1", () => {
    expect(allowPrivateNetworks({ NODE_ENV: "production" })).toBe(false);
    expect(allowPrivateNetworks({ NODE_ENV: "production", WEBHOOKS_ALLOW_PRIVATE: "1" })).toBe(true);
    expect(allowPrivateNetworks({ NODE_ENV: "development" })).toBe(true);
  });

  it("refuses inward URLs only when private networks are not allowed", () => {
    expect(urlProblem("http://localhost:3000/x", false)).toMatch(/private network/);
    expect(urlProblem("http://[::1]/x", false)).toMatch(/private network/);
    expect(urlProblem("http://localhost:3000/x", true)).toBeNull();
    expect(urlProblem("https://hooks.example.org/cfp", false)).toBeNull();
    expect(urlProblem("https://user:pw@hooks.example.org/", true)).toMatch(/credentials/);
    expect(urlProblem("file:///etc/passwd", true)).toMatch(/Only http and https/);
  });
});

describe("imports reach every status through the transition table", () => {
  it.each(PROPOSAL_STATUSES)("%s", (status) => {
    let at: ProposalStatus = "DRAFT";
    for (const name of pathTo(status)) {
      expect(TRANSITIONS[name].from).toContain(at);
      at = TRANSITIONS[name].to;
    }
    expect(at).toBe(status);
  });
});
