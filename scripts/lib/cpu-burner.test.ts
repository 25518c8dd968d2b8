import { describe, expect, it } from "vitest";

import { findStressNg, startCpuBurner } from "./cpu-burner";

function isAlive(group: number) {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(groups: number[]) {
  const deadline = Date.now() + 10_000;
  while (groups.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return groups.filter(isAlive);
}

const kinds = [
  ["node", null],
  ["stress-ng", findStressNg()],
] as const;

describe.each(kinds)("the CPU burner with %s", (kind, stressNg) => {
  it.skipIf(kind === "stress-ng" && !stressNg)("runs in its own process groups and stops at stop()", async () => {
    const burner = startCpuBurner({ workers: 2, maxSeconds: 60, stressNg });
    try {
      expect(burner.kind).toBe(kind);
      expect(burner.groups.length).toBe(kind === "node" ? 2 : 1);
      expect(burner.groups.every(isAlive)).toBe(true);
    } finally {
      burner.stop();
    }
    expect(await waitUntilGone(burner.groups)).toEqual([]);
  });
});

it("a burner ends by itself after its time, should its runner die first", async () => {
  const burner = startCpuBurner({ workers: 1, maxSeconds: 1, stressNg: null });
  expect(await waitUntilGone(burner.groups)).toEqual([]);
  burner.stop();
});
