import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/scripts/lib/paths";
import { libFolderEdgesOnCycles } from "@/scripts/check/lib-cycles.mjs";

describe("lib/ layering", () => {
  it("has no folders that import each other round a cycle (docs/architecture.md)", () => {
    expect(libFolderEdgesOnCycles(path.join(REPO_ROOT, "lib"))).toEqual([]);
  });
});
