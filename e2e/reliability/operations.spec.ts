import { execFileSync } from "node:child_process";
import fs from "node:fs";

import { request as playwrightRequest } from "@playwright/test";

import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { databaseProvider, sqliteFilePath } from "@/lib/db/provider";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, expect, signInRequest, test } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { callServerAction } from "../server-actions";

const CREATE = "POST /v1/company/employees";

type SendResult = { data?: { outcome: string; employee?: { id: number } } };

async function sendAs(
  cluster: AppCluster,
  recruiter: { email: string },
  candidate: Awaited<ReturnType<typeof createTestCandidate>>,
) {
  const context = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url });
  try {
    await signInRequest(context, recruiter);
    const { result } = await callServerAction(context, {
      exportedName: "sendToPersonioAction",
      path: `/candidates/${candidate.id}`,
      input: {
        candidateId: candidate.id,
        fields: {
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          email: candidate.email,
          position: "Engineer",
        },
      },
    });
    return result as SendResult;
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
  "a SQLite backup taken during sends restores into a working app with every send completed before it",
  DATABASE_INDEPENDENT,
  async () => {
    const cluster = await startAppCluster({ name: "reliability-backup", instances: 1 });
    const [app] = cluster.apps;
    const backupFile = sqliteFilePath(cluster.databaseUrl)!.replace(/\.db$/, "-backup.db");
    const restoredUrl = cluster.databaseUrl.replace(/\.db$/, "-restored.db");
    try {
      expect(databaseProvider(cluster.databaseUrl)).toBe("sqlite");
      const recruiter = await createTestUser("recruiter", { client: cluster.db });
      const candidates = await Promise.all(Array.from({ length: 6 }, () => createTestCandidate({}, cluster.db)));
      // Sends take a while and start one after another, so the backup runs among them.
      cluster.sandbox.state.faults.push({ id: "slow-creates", endpoint: CREATE, kind: "latency", latencyMs: 2_000 });
      const settled = new Set<number>();
      const sends = candidates.map(async (candidate, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 700));
        const result = await sendAs(cluster, recruiter, candidate);
        settled.add(index);
        return result;
      });
      await expect
        .poll(() => cluster.db.handoff.count({ where: { status: "SENT" } }), { timeout: 30_000 })
        .toBeGreaterThan(0);

      const completedBefore = (await cluster.db.handoff.findMany({ where: { status: "SENT" } })).map(
        (h) => h.candidateId,
      );
      fs.rmSync(backupFile, { force: true });
      const inFlightDuringBackup = candidates.length - settled.size;
      execFileSync("node_modules/.bin/tsx", ["scripts/db-backup.ts", backupFile], {
        env: { ...process.env, DATABASE_URL: cluster.databaseUrl },
        stdio: "pipe",
      });
      const results = await Promise.all(sends);
      expect(results.map((result) => result.data?.outcome)).toEqual(candidates.map(() => "sent"));
      // Not asserted yet: on a loaded machine every send had settled before the first SENT row
      // was seen (a run printed 0 in flight), so overlap is reported, not guaranteed (issue 27 report).

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
      console.log(
        `Backup during ${candidates.length} sends (${inFlightDuringBackup} still in flight) → restored app ready, ${completedBefore.length} completed sends all there`,
      );
    } finally {
      await cluster.stop();
      for (const file of [backupFile, sqliteFilePath(restoredUrl)!]) {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      }
    }
  },
);
