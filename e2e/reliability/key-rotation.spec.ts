import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";

import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { decryptSecret, encryptionKeyId, secretKeyId } from "@/lib/crypto";
import { databaseProvider } from "@/lib/db/provider";
import { signatureHeader } from "@/lib/webhooks/signatures";

import { createTestCandidate, createTestUser, expect, signInRequest, test } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { callSendToPersonio, callServerAction } from "../server-actions";
import { expectNoSecretsIn } from "./secrets";

type SendResult = { data?: { outcome: string }; serverError?: { code: string } };

async function send(
  cluster: AppCluster,
  context: APIRequestContext,
): Promise<{ result: SendResult; employees: number }> {
  const candidate = await createTestCandidate({}, cluster.db);
  const result = await callSendToPersonio(context, candidate);
  const employees = [...cluster.sandbox.state.employees.values()].filter(
    (employee) => employee.email === candidate.email,
  ).length;
  return { result: result as SendResult, employees };
}

// An ATS source's secret is stored encrypted too: each signed delivery must still verify.
type Source = { path: string; secret: string };

async function addGreenhouseSource(context: APIRequestContext): Promise<Source> {
  const { result } = await callServerAction(context, {
    exportedName: "createSourceAction",
    path: "/admin/integrations/ats/new",
    input: { kind: "greenhouse", name: "Greenhouse" },
  });
  const data = (result as { data?: { pathToken: string; secret: string } }).data;
  expect(data?.secret).toBeTruthy();
  return { path: `/api/webhooks/${data!.pathToken}`, secret: data!.secret };
}

let deliveries = 0;
async function deliver(
  context: APIRequestContext,
  source: Source,
): Promise<{ status: number; outcome?: string; reason?: string }> {
  deliveries += 1;
  const candidate = {
    id: 7000 + deliveries,
    first_name: "Rosa",
    last_name: "Rotation",
    email_addresses: [{ value: `rosa.${deliveries}.${Date.now()}@example.com`, type: "personal" }],
  };
  const body = JSON.stringify({
    action: "hire_candidate",
    payload: {
      application: { id: deliveries, candidate, jobs: [{ name: "Engineer" }], offer: { starts_at: "2027-01-04" } },
    },
  });
  const [name, value] = signatureHeader("greenhouse", source.secret, body);
  const response = await context.post(source.path, {
    data: Buffer.from(body),
    headers: {
      "content-type": "application/json",
      [name]: value,
      "Greenhouse-Event-ID": `rotation-${deliveries}-${Date.now()}`,
    },
  });
  const json = (await response.json().catch(() => ({}))) as { status?: string; reason?: string };
  return { status: response.status(), outcome: json.status, reason: json.reason };
}

async function storedSecret(cluster: AppCluster) {
  return (await cluster.db.personioIntegration.findUniqueOrThrow({ where: { id: "personio" } })).clientSecretEncrypted;
}

test("key rotation with a connected integration: sends work throughout, and afterwards the old key alone no longer decrypts", async () => {
  const cluster = await startAppCluster({ name: "reliability-rotation", instances: 1 });
  try {
    const [app] = cluster.apps;
    const oldKey = cluster.secrets.encryptionKey;
    const newKey = randomBytes(32).toString("base64");
    const context = await playwrightRequest.newContext({ baseURL: app!.url });
    await signInRequest(context, await createTestUser("recruiter", { client: cluster.db }));
    expect(secretKeyId(await storedSecret(cluster))).toBe(encryptionKeyId(oldKey));
    expect(await send(cluster, context)).toEqual({
      result: { data: expect.objectContaining({ outcome: "sent" }) },
      employees: 1,
    });
    const admin = await playwrightRequest.newContext({ baseURL: app!.url });
    await signInRequest(admin, await createTestUser("admin", { client: cluster.db }));
    const source = await addGreenhouseSource(admin);
    const created = { status: 200, outcome: "created" };
    expect(await deliver(context, source)).toEqual(created);

    // 1. The app gets the new key, and the old one as ENCRYPTION_KEY_PREVIOUS.
    await app!.kill();
    await app!.restart({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey });
    expect(await send(cluster, context)).toEqual({
      result: { data: expect.objectContaining({ outcome: "sent" }) },
      employees: 1,
    });
    expect(await deliver(context, source)).toEqual(created);

    // 2. npm run secrets:rotate-key, with the same two keys, while the app keeps running.
    // On PostgreSQL the processes share Personio's token, stored encrypted (one row), too.
    const sharedTokens = await cluster.db.personioToken.count();
    expect(sharedTokens).toBe(databaseProvider(cluster.databaseUrl) === "postgresql" ? 1 : 0);
    const rotation = spawnSync("npm", ["run", "--silent", "secrets:rotate-key"], {
      env: {
        ...process.env,
        DATABASE_URL: cluster.databaseUrl,
        ENCRYPTION_KEY: newKey,
        ENCRYPTION_KEY_PREVIOUS: oldKey,
      },
      encoding: "utf8",
    });
    expect(rotation.status, rotation.stderr).toBe(0);
    // The Personio client secret and the ATS source's secret (and the shared token).
    expect(rotation.stdout).toContain(`Re-encrypted ${2 + sharedTokens} secret(s) with key ${encryptionKeyId(newKey)}`);
    const sourceSecret = (
      await cluster.db.webhookSource.findFirstOrThrow({ where: { pathToken: source.path.split("/").at(-1) } })
    ).secretEncrypted;
    expect(secretKeyId(sourceSecret)).toBe(encryptionKeyId(newKey));
    expect(decryptSecret(sourceSecret, newKey)).toBe(source.secret);
    const rotated = await storedSecret(cluster);
    expect(secretKeyId(rotated)).toBe(encryptionKeyId(newKey));
    expect(() => decryptSecret(rotated, oldKey)).toThrow(/not configured/);
    expect(decryptSecret(rotated, newKey)).toBe(cluster.secrets.clientSecret);
    expect(await send(cluster, context)).toEqual({
      result: { data: expect.objectContaining({ outcome: "sent" }) },
      employees: 1,
    });
    expect(await deliver(context, source)).toEqual(created);

    // 3. ENCRYPTION_KEY_PREVIOUS removed: still sending.
    await app!.kill();
    await app!.restart({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: undefined });
    expect(await send(cluster, context)).toEqual({
      result: { data: expect.objectContaining({ outcome: "sent" }) },
      employees: 1,
    });
    expect(await deliver(context, source)).toEqual(created);

    // The old key alone (someone rolls back the configuration) reads nothing: no send, no employee.
    await app!.kill();
    await app!.restart({ ENCRYPTION_KEY: oldKey, ENCRYPTION_KEY_PREVIOUS: undefined });
    expect(await send(cluster, context)).toEqual({ result: { serverError: { code: "unexpected" } }, employees: 0 });
    expect(cluster.logs()).toContain("encrypted with a key that is not configured");
    // A delivery cannot be verified either: answered 500 (the ATS retries), nothing created.
    const hiresBefore = await cluster.db.candidate.count({ where: { externalSource: "greenhouse" } });
    expect((await deliver(context, source)).status).toBe(500);
    expect(await cluster.db.candidate.count({ where: { externalSource: "greenhouse" } })).toBe(hiresBefore);
    expect(hiresBefore).toBe(4);

    // Rotated once: a second run finds nothing left to do.
    const again = spawnSync("npm", ["run", "--silent", "secrets:rotate-key"], {
      env: {
        ...process.env,
        DATABASE_URL: cluster.databaseUrl,
        ENCRYPTION_KEY: newKey,
        ENCRYPTION_KEY_PREVIOUS: oldKey,
      },
      encoding: "utf8",
    });
    expect(again.stdout).toContain("Re-encrypted 0 secret(s)");
    expect(await storedSecret(cluster)).toBe(rotated);
    // One audit entry, for the run that changed something.
    const audit = await cluster.db.auditLog.findMany({ where: { action: "secrets.rotate-key" } });
    expect(audit.map((row) => JSON.parse(row.details!))).toEqual([
      {
        keyId: encryptionKeyId(newKey),
        previousKeyIds: [encryptionKeyId(oldKey)],
        reencrypted: 2 + sharedTokens,
        alreadyCurrent: 0,
      },
    ]);
    expectNoSecretsIn(cluster.logs() + rotation.stdout + rotation.stderr, {
      ...cluster.secrets,
      newKey,
      sourceSecret: source.secret,
    });
    console.log(
      "key rotation: sent (and an ATS delivery verified) with the old key, with new + previous, after rotate-key, and with the new key alone; the old key alone → refused, 0 employees, no hire",
    );
    await context.dispose();
    await admin.dispose();
  } finally {
    await cluster.stop();
  }
});
