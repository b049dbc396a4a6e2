import { describe, expect, it } from "vitest";
import { candidates, type Attempt } from "@/tests/load/ledger";

// What the database may hold for one target after concurrent writes: the
// load run's verdict on "lost acknowledged writes" rests on this.

let t = 0;
function write(client: string, value: string, outcome: Attempt["outcome"], detail = "", duration = 10): Attempt {
  const sentAt = (t += 100);
  return { client, kind: "edit", target: "p1", value, sentAt, doneAt: sentAt + duration, outcome, detail };
}

describe("candidates", () => {
  it("one client: only its last acknowledged write", () => {
    const list = [write("a", "v1", "ack"), write("a", "v2", "ack"), write("a", "v3", "ack")];
    expect(candidates(list, "initial")).toEqual(new Set(["v3"]));
  });

  it("a refused write never counts, and the initial value stays possible until something is acknowledged", () => {
    expect(candidates([write("a", "v1", "refused")], "initial")).toEqual(new Set(["initial"]));
    expect(candidates([write("a", "v1", "ack"), write("a", "v2", "refused")], "initial")).toEqual(new Set(["v1"]));
  });

  it("an unanswered write may or may not have happened", () => {
    const list = [write("a", "v1", "ack"), write("a", "v2", "unknown", "UND_ERR_SOCKET")];
    expect(candidates(list, "initial")).toEqual(new Set(["v1", "v2"]));
    expect(candidates([write("a", "v1", "unknown", "ECONNRESET")], "initial")).toEqual(new Set(["v1", "initial"]));
  });

  it("an acknowledged write sent after another finished supersedes it, whichever client sent it", () => {
    const list = [write("a", "v1", "ack"), write("b", "v2", "ack"), write("a", "v3", "unknown", "ECONNRESET"), write("b", "v4", "ack")];
    expect(candidates(list, "initial")).toEqual(new Set(["v4"]));
  });

  it("overlapping writes of two clients may land in either order", () => {
    const a = write("a", "v1", "ack", "", 500);
    const b = write("b", "v2", "ack", "", 500);
    expect(candidates([a, b], "initial")).toEqual(new Set(["v1", "v2"]));
  });

  it("a request the client gave up on may still be written later: it is never superseded", () => {
    const list = [write("a", "v1", "unknown", "TimeoutError"), write("b", "v2", "ack")];
    expect(candidates(list, "initial")).toEqual(new Set(["v1", "v2"]));
  });
});
