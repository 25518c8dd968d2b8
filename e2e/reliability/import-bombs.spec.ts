import { readdirSync, readFileSync } from "node:fs";

import { generateApiKey } from "@/lib/api-keys/key-material";
import { signIn, type Session } from "@/scripts/bench/http-session";

import { DATABASE_INDEPENDENT, expect, test } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { whitespaceBombXlsx } from "../support/xlsx-files";

// Zip bombs uploaded to the import against a production build: refused by the parsing worker's
// limits while the server keeps answering. What the first test measures is whether the thread
// that answers requests is held up while the bomb is read (the old parser held it for minutes).
// So the server is warmed up first (the route, the worker, the database), calls go one after
// another on a kept-alive connection, and only the calls made while the upload is in flight are
// held to the bound: the calls before it show what the machine alone costs a call (on a loaded
// 2-core machine each list call also waits for the CPU and for the disk, as its rate-limit count
// is a database write), and are printed beside them.

/** The process and its children (`next start` serves from a child process). */
function processTree(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((thread) =>
    readFileSync(`/proc/${pid}/task/${thread}/children`, "utf8").trim().split(" ").filter(Boolean).map(Number),
  );
  return [pid, ...children.flatMap(processTree)];
}

async function upload(app: string, session: Session, bytes: Uint8Array, name: string) {
  const response = await fetch(`${app}/api/imports`, {
    method: "POST",
    headers: {
      cookie: session.cookie,
      origin: app,
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent(name),
    },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as { code?: string; megabytes?: number } };
}

/** Resident memory of the process and its children, in MB (Linux /proc). */
function residentMegabytes(pid: number): number {
  let kilobytes = 0;
  for (const member of processTree(pid))
    kilobytes += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
  return kilobytes / 1024;
}

test.describe.serial("zip bombs uploaded to the import", () => {
  let cluster: AppCluster;
  let session: Session;
  let app: string;

  test.beforeAll(async () => {
    cluster = await startAppCluster({ name: "reliability-import-bombs", instances: 1 });
    app = cluster.apps[0]!.url;
    session = await signIn(app, "admin@handoff.test", "handoff-admin");
    // Warm-up: the upload route and the parsing worker's code are loaded once.
    const warm = await upload(app, session, new TextEncoder().encode("Vorname;Nachname\nA;B\n"), "warm.csv");
    expect(warm.status).toBe(201);
  });

  test.afterAll(async () => {
    await cluster?.stop();
  });

  test(
    "an 18 kB sheet of 16 MiB whitespace is refused in 5 s, and no API call waits 500 ms meanwhile",
    DATABASE_INDEPENDENT,
    async () => {
      const material = generateApiKey();
      await cluster.db.apiKey.create({
        data: {
          name: "bomb poller",
          prefix: material.prefix,
          keyHash: material.keyHash,
          scopes: "candidates:read",
          rateLimitPerMinute: 100_000,
        },
      });
      const list = async () => {
        const started = performance.now();
        const response = await fetch(`${app}/api/v1/candidates?limit=20`, {
          headers: { authorization: `Bearer ${material.key}` },
        });
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        return { started, ms: performance.now() - started };
      };
      const warmUp: number[] = [];
      for (let index = 0; index < 10; index++) warmUp.push((await list()).ms);

      const bomb = whitespaceBombXlsx(16);
      expect(bomb.length).toBeLessThan(20 * 1024);
      const calls: Array<{ started: number; ms: number }> = [];
      let uploading = true;
      const polling = (async () => {
        while (uploading) {
          const call = await list();
          calls.push(call);
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - call.ms)));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      // One call starts with the upload itself, so at least one is in flight however fast the
      // refusal comes (the ratio check can stop the bomb within its first MiB).
      const uploadStarted = performance.now();
      const [refused, alongside] = await Promise.all([upload(app, session, bomb, "bomb.xlsx"), list()]);
      const uploadMs = performance.now() - uploadStarted;
      calls.push(alongside);
      await new Promise((resolve) => setTimeout(resolve, 300));
      uploading = false;
      await polling;

      // The calls that had to get through while the bomb was being read: in flight at any moment
      // of the upload.
      const during = calls.filter(
        (call) => call.started <= uploadStarted + uploadMs && call.started + call.ms >= uploadStarted,
      );
      const slowest = Math.max(...during.map((call) => call.ms));
      console.log(
        `16 MiB whitespace bomb (${bomb.length} B): ${refused.status} ${refused.body.code} in ${Math.round(uploadMs)} ms; ` +
          `${calls.length} API calls, ${during.length} during the upload, slowest of those ${Math.round(slowest)} ms; ` +
          `before: ${warmUp.map(Math.round).join(" ")}; calls (start after upload start: ms): ` +
          calls.map((call) => `${Math.round(call.started - uploadStarted)}:${Math.round(call.ms)}`).join(" "),
      );
      expect(refused).toEqual({ status: 422, body: expect.objectContaining({ code: "workbook_bomb" }) });
      expect(uploadMs).toBeLessThan(5000);
      expect(during.length).toBeGreaterThan(0);
      expect(slowest).toBeLessThan(500);
    },
  );

  test(
    "a 1 MB workbook that unpacks to 1 GiB is refused without the server's memory growing 150 MB",
    DATABASE_INDEPENDENT,
    async () => {
      const pid = cluster.apps[0]!.pid()!;
      const bomb = whitespaceBombXlsx(1024);
      expect(bomb.length).toBeGreaterThan(900 * 1024);
      const before = residentMegabytes(pid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, residentMegabytes(pid))), 20);
      const started = performance.now();
      const refused = await upload(app, session, bomb, "gigabyte.xlsx");
      const ms = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, residentMegabytes(pid));
      console.log(
        `1 GiB whitespace bomb (${(bomb.length / 1024 / 1024).toFixed(2)} MB): ${refused.status} ${refused.body.code} in ${Math.round(ms)} ms; ` +
          `resident memory ${Math.round(before)} MB before, peak ${Math.round(peak)} MB (+${Math.round(peak - before)} MB)`,
      );
      expect(refused).toEqual({ status: 422, body: expect.objectContaining({ code: "workbook_bomb" }) });
      expect(peak - before).toBeLessThan(150);
    },
  );
});
