import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { stopBeforeExit, type SignalTarget } from "@/lib/shutdown";

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const target = Object.assign(emitter, { exit: (code: number) => void exits.push(code) }) as unknown as SignalTarget & EventEmitter;
  return { target, emitter, exits };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("stopBeforeExit", () => {
  it("runs the earlier SIGTERM handler only after the background work has stopped", async () => {
    const { target, emitter } = fakeProcess();
    const order: string[] = [];
    emitter.on("SIGTERM", (s) => order.push(`next ${s}`));
    let finish!: () => void;
    stopBeforeExit(target, () => new Promise<void>((r) => (finish = () => (order.push("stopped"), r()))));

    emitter.emit("SIGTERM", "SIGTERM");
    await settle();
    expect(order).toEqual([]);
    finish();
    await settle();
    expect(order).toEqual(["stopped", "next SIGTERM"]);
  });

  it("exits with 128 + the signal number when nobody else listened", async () => {
    const { target, emitter, exits } = fakeProcess();
    stopBeforeExit(target, async () => {});
    emitter.emit("SIGINT", "SIGINT");
    await settle();
    expect(exits).toEqual([130]);
  });

  it("hands over after the timeout when the work never stops, and after a failing stop", async () => {
    const { target, emitter, exits } = fakeProcess();
    stopBeforeExit(target, () => new Promise<void>(() => {}), { timeoutMs: 1 });
    emitter.emit("SIGTERM", "SIGTERM");
    await new Promise((r) => setTimeout(r, 20));
    expect(exits).toEqual([143]);

    const other = fakeProcess();
    stopBeforeExit(other.target, () => Promise.reject(new Error("SMTP gone")));
    other.emitter.emit("SIGTERM", "SIGTERM");
    await settle();
    await settle();
    expect(other.exits).toEqual([143]);
  });

  it("a second signal while waiting finds no handler of ours (Node's default ends the process)", async () => {
    const { target, emitter } = fakeProcess();
    stopBeforeExit(target, () => new Promise<void>(() => {}));
    emitter.emit("SIGTERM", "SIGTERM");
    expect(emitter.listenerCount("SIGTERM")).toBe(0);
  });
});
