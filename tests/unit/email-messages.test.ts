import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, TEMPLATE_KINDS } from "@/lib/email/event-templates/kinds";
import type { EmailKind } from "@/lib/email/outbox";

// Email wording lives in one file per message kind (lib/email/messages/<kind>.ts).
const MESSAGES = path.resolve(__dirname, "../../lib/email/messages");
const FIXED_KINDS: EmailKind[] = ["sign-in", "team-invitation", "vacancy"];

describe("email wording", () => {
  it("has one file per message kind, and none for a kind that does not exist", () => {
    const kinds: string[] = [...TEMPLATE_KINDS, ...FIXED_KINDS];
    for (const kind of kinds) expect(existsSync(path.join(MESSAGES, `${kind}.ts`)), kind).toBe(true);
    const files = readdirSync(MESSAGES)
      .map((f) => f.replace(/\.ts$/, ""))
      .filter((f) => f !== "shared");
    expect(files.sort()).toEqual(kinds.sort());
  });

  it("takes each event message's default wording from its kind's file", async () => {
    for (const kind of TEMPLATE_KINDS) {
      const file = (await import(`@/lib/email/messages/${kind}.ts`)) as Record<string, { wording: unknown }>;
      expect(
        Object.values(file).map((m) => m.wording),
        kind,
      ).toEqual([DEFAULT_TEMPLATES[kind]]);
    }
  });
});
