import { describe, expect, it } from "vitest";

import { drainAll, inFlightWork, registerDrain, trackInFlight } from "./shutdown";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("draining at shutdown", () => {
  it("waits for tracked work and every drain, and reports completion", async () => {
    const send = deferred();
    const sending = trackInFlight("personio.write", () => send.promise);
    const stopped: number[] = [];
    registerDrain({ name: "test.drain", stop: async (timeoutMs) => void stopped.push(timeoutMs) });
    expect(inFlightWork()).toEqual({ "personio.write": 1 });

    const draining = drainAll(5_000);
    let drained = false;
    void draining.then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBe(false); // the send is still running

    send.resolve();
    await sending;
    expect(await draining).toEqual({ completed: true, pending: {}, failedDrains: [] });
    expect(stopped).toEqual([5_000]);
  });

  it("gives up at the bound and names what was left and which drain failed", async () => {
    registerDrain({ name: "test.drain", stop: () => Promise.reject(new Error("lease release failed")) });
    const never = trackInFlight("personio.write", () => new Promise<void>(() => {}));
    void never;
    const report = await drainAll(100);
    expect(report).toEqual({ completed: false, pending: { "personio.write": 1 }, failedDrains: ["test.drain"] });
  });
});
