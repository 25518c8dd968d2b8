import { execFileSync } from "node:child_process";
import fs from "node:fs";

import { request as playwrightRequest } from "@playwright/test";

import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider, sqliteFilePath } from "@/lib/db/provider";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, expect, signInRequest, test } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { callSendToPersonio } from "../server-actions";

const CREATE = "POST /v1/company/employees";

async function sendAs(
  cluster: AppCluster,
  recruiter: { email: string },
  candidate: Awaited<ReturnType<typeof createTestCandidate>>,
) {
  const context = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url });
  try {
    await signInRequest(context, recruiter);
    return await callSendToPersonio(context, candidate);
  } finally {
    await context.dispose();
  }
}

const SHUTDOWN_TIMEOUT_MS = 15_000;
const SLOW_CREATE_MS = 4_000;

test("SIGTERM while a send waits on a slow Personio → the send completes once, new connections are refused, the process exits within the bound", async () => {
  const cluster = await startAppCluster({
    name: "reliability-shutdown",
    instances: 1,
    env: { HANDOFF_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), PERSONIO_TIMEOUT_MS: "30000" },
  });
  const [app] = cluster.apps;
  try {
    const recruiter = await createTestUser("recruiter", { client: cluster.db });
    const candidate = await createTestCandidate({}, cluster.db);
    cluster.sandbox.state.faults.push({
      id: "slow-create",
      endpoint: CREATE,
      kind: "latency",
      latencyMs: SLOW_CREATE_MS,
      remaining: 1,
    });

    const send = sendAs(cluster, recruiter, candidate);
    // The create has reached Personio, which takes its time to answer.
    await expect.poll(() => cluster.sandbox.state.counters.get(CREATE) ?? 0, { timeout: 15_000 }).toBe(1);
    const signalled = Date.now();
    const exited = app!.kill("SIGTERM");
    await expect
      .poll(
        async () =>
          fetch(`${app!.url}/api/health`).then(
            () => "accepted",
            () => "refused",
          ),
        { timeout: 5_000 },
      )
      .toBe("refused");
    const result = await send;
    await exited;
    const stoppedAfterMs = Date.now() - signalled;

    expect(result.data?.outcome).toBe("sent");
    const employees = [...cluster.sandbox.state.employees.values()].filter((e) => e.email === candidate.email);
    expect(employees).toHaveLength(1);
    expect(cluster.sandbox.state.counters.get(CREATE)).toBe(1);
    expect(await cluster.db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
      status: "SENT",
      personioEmployeeId: employees[0]!.id,
    });
    console.log(
      `SIGTERM during a ${SLOW_CREATE_MS} ms create → send completed, 1 employee, exited after ${stoppedAfterMs} ms`,
    );
    expect(stoppedAfterMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
  } finally {
    await cluster.stop();
  }
});

// SQLite's backup (PostgreSQL's is pg_dump, README "Backups"): the SQLite run only.
test(
  "a SQLite backup taken while sends are in flight restores into a working app with every send completed before it",
  DATABASE_INDEPENDENT,
  async () => {
    // Personio's answers are held while the backup runs; the app waits for them as long as that takes.
    const cluster = await startAppCluster({
      name: "reliability-backup",
      instances: 1,
      env: { PERSONIO_TIMEOUT_MS: "60000" },
    });
    const [app] = cluster.apps;
    const backupFile = sqliteFilePath(cluster.databaseUrl)!.replace(/\.db$/, "-backup.db");
    const restoredUrl = cluster.databaseUrl.replace(/\.db$/, "-restored.db");
    try {
      expect(databaseProvider(cluster.databaseUrl)).toBe("sqlite");
      const recruiter = await createTestUser("recruiter", { client: cluster.db });
      const [done, ...held] = await Promise.all(Array.from({ length: 3 }, () => createTestCandidate({}, cluster.db)));
      expect((await sendAs(cluster, recruiter, done!)).data?.outcome).toBe("sent");
      // Two more sends reach Personio and are held there (the sandbox answers once the hold is
      // cleared), so the backup runs while they are in flight, however long it takes.
      const hold = { id: "hold-creates", endpoint: CREATE, kind: "hold" as const };
      cluster.sandbox.state.faults.push(hold);
      const sends = held.map((candidate) => sendAs(cluster, recruiter, candidate));
      await expect.poll(() => cluster.sandbox.state.counters.get(CREATE) ?? 0, { timeout: 30_000 }).toBe(3);

      fs.rmSync(backupFile, { force: true });
      execFileSync("node_modules/.bin/tsx", ["scripts/db-backup.ts", backupFile], {
        env: { ...process.env, DATABASE_URL: cluster.databaseUrl },
        stdio: "pipe",
      });
      const backup = createPrismaClient(`file:${backupFile}`);
      try {
        // The backup holds the completed send as sent, and the two in flight as not (yet) sent.
        const backedUp = await backup.handoff.findMany({ select: { candidateId: true, status: true } });
        expect(backedUp.find((h) => h.candidateId === done!.id)?.status).toBe("SENT");
        for (const candidate of held) {
          expect(backedUp.find((h) => h.candidateId === candidate.id)?.status).not.toBe("SENT");
        }
      } finally {
        await backup.$disconnect();
      }
      cluster.sandbox.state.faults = cluster.sandbox.state.faults.filter((fault) => fault !== hold);
      expect((await Promise.all(sends)).map((result) => result.data?.outcome)).toEqual(["sent", "sent"]);
      const completedBefore = [done!.id];

      // Restore: the backup file becomes the database of a new app process.
      fs.copyFileSync(backupFile, sqliteFilePath(restoredUrl)!);
      await app!.kill();
      await app!.restart({ DATABASE_URL: restoredUrl });
      const ready = await fetch(`${app!.url}/api/ready`);
      expect(ready.status).toBe(200);

      const restored = createPrismaClient(restoredUrl);
      try {
        const sent = await restored.handoff.findMany({ where: { status: "SENT" } });
        expect(sent.map((h) => h.candidateId)).toEqual(expect.arrayContaining(completedBefore));
        for (const handoff of sent) expect(handoff.personioEmployeeId).not.toBeNull();
      } finally {
        await restored.$disconnect();
      }
      // The restored app serves the recruiter a sent profile.
      const context = await playwrightRequest.newContext({ baseURL: app!.url });
      await signInRequest(context, recruiter);
      const profile = await context.get(`/candidates/${completedBefore[0]}`);
      expect(profile.status()).toBe(200);
      await context.dispose();
    } finally {
      await cluster.stop();
      for (const file of [backupFile, sqliteFilePath(restoredUrl)!]) {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      }
    }
  },
);
