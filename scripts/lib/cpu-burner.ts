// A busy machine on demand: one CPU-bound process per core, so that the tests run while every
// core is taken, as on a shared CI runner. stress-ng where it is installed; otherwise Node
// processes that spin. Each burner lives in its own process group (stopped as a whole) and ends
// by itself after `maxSeconds`, so a run killed before it could stop them does not leave the
// machine busy for ever.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type CpuBurner = {
  kind: "stress-ng" | "node";
  workers: number;
  /** Process group ids (one per burner process started here). */
  groups: number[];
  stop: () => void;
};

export function findStressNg(): string | null {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const dir of [...dirs, "/usr/bin"]) {
    const file = path.join(dir, "stress-ng");
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export function startCpuBurner({
  workers = os.availableParallelism(),
  maxSeconds = 3 * 60 * 60,
  // null: spinning Node processes even where stress-ng is installed.
  stressNg = findStressNg(),
}: { workers?: number; maxSeconds?: number; stressNg?: string | null } = {}): CpuBurner {
  const options = { stdio: "ignore", detached: true } as const;
  const children: ChildProcess[] = stressNg
    ? [spawn(stressNg, ["--cpu", String(workers), "--timeout", `${maxSeconds}s`, "--quiet"], options)]
    : Array.from({ length: workers }, () =>
        spawn(
          process.execPath,
          ["-e", `const end = Date.now() + ${maxSeconds * 1000}; while (Date.now() < end);`],
          options,
        ),
      );

  let isStopped = false;
  const stop = () => {
    if (isStopped) return;
    isStopped = true;
    process.removeListener("exit", stop);
    for (const child of children) {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
      try {
        // The whole group: stress-ng forks one worker per core.
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  // Synchronous, so it also runs on process.exit() and after an uncaught error.
  process.on("exit", stop);
  const groups = children.flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
  return { kind: stressNg ? "stress-ng" : "node", workers, groups, stop };
}
