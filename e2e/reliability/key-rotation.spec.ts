import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";

import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { decryptSecret, encryptionKeyId, secretKeyId } from "@/lib/crypto";

import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { createTestCandidate, createTestUser, expect, signInRequest, test } from "../fixtures";
import { callServerAction } from "../server-actions";
import { expectNoSecretsIn } from "./secrets";

type SendResult = { data?: { outcome: string }; serverError?: { code: string } };

async function send(cluster: AppCluster, context: APIRequestContext): Promise<{ result: SendResult; employees: number }> {
  const candidate = await createTestCandidate({}, cluster.db);
  const { result } = await callServerAction(context, {
    exportedName: "sendToPersonioAction",
    path: `/candidates/${candidate.id}`,
    input: { candidateId: candidate.id, fields: { firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email, position: "Engineer" } },
  });
  const employees = [...cluster.sandbox.state.employees.values()].filter((employee) => employee.email === candidate.email).length;
  return { result: result as SendResult, employees };
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
    expect(await send(cluster, context)).toEqual({ result: { data: expect.objectContaining({ outcome: "sent" }) }, employees: 1 });

    // 1. The app gets the new key, and the old one as ENCRYPTION_KEY_PREVIOUS.
    await app!.kill();
    await app!.restart({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey });
    expect(await send(cluster, context)).toEqual({ result: { data: expect.objectContaining({ outcome: "sent" }) }, employees: 1 });

    // 2. npm run secrets:rotate-key, with the same two keys, while the app keeps running.
    const rotation = spawnSync("npm", ["run", "--silent", "secrets:rotate-key"], {
      env: { ...process.env, DATABASE_URL: cluster.databaseUrl, ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey },
      encoding: "utf8",
    });
    expect(rotation.status, rotation.stderr).toBe(0);
    expect(rotation.stdout).toContain(`Re-encrypted 1 secret(s) with key ${encryptionKeyId(newKey)}`);
    const rotated = await storedSecret(cluster);
    expect(secretKeyId(rotated)).toBe(encryptionKeyId(newKey));
    expect(() => decryptSecret(rotated, oldKey)).toThrow(/not configured/);
    expect(decryptSecret(rotated, newKey)).toBe(cluster.secrets.clientSecret);
    expect(await send(cluster, context)).toEqual({ result: { data: expect.objectContaining({ outcome: "sent" }) }, employees: 1 });

    // 3. ENCRYPTION_KEY_PREVIOUS removed: still sending.
    await app!.kill();
    await app!.restart({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: undefined });
    expect(await send(cluster, context)).toEqual({ result: { data: expect.objectContaining({ outcome: "sent" }) }, employees: 1 });

    // The old key alone (someone rolls back the configuration) reads nothing: no send, no employee.
    await app!.kill();
    await app!.restart({ ENCRYPTION_KEY: oldKey, ENCRYPTION_KEY_PREVIOUS: undefined });
    expect(await send(cluster, context)).toEqual({ result: { serverError: { code: "unexpected" } }, employees: 0 });
    expect(cluster.logs()).toContain("encrypted with a key that is not configured");

    // Rotated once: a second run finds nothing left to do.
    const again = spawnSync("npm", ["run", "--silent", "secrets:rotate-key"], {
      env: { ...process.env, DATABASE_URL: cluster.databaseUrl, ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_PREVIOUS: oldKey },
      encoding: "utf8",
    });
    expect(again.stdout).toContain("Re-encrypted 0 secret(s)");
    expect(await storedSecret(cluster)).toBe(rotated);
    // One audit entry, for the run that changed something.
    const audit = await cluster.db.auditLog.findMany({ where: { action: "secrets.rotate-key" } });
    expect(audit.map((row) => JSON.parse(row.details!))).toEqual([
      { keyId: encryptionKeyId(newKey), previousKeyIds: [encryptionKeyId(oldKey)], reencrypted: 1, alreadyCurrent: 0 },
    ]);
    expectNoSecretsIn(cluster.logs() + rotation.stdout + rotation.stderr, { ...cluster.secrets, newKey });
    console.log("key rotation: sent with the old key, with new + previous, after rotate-key, and with the new key alone; the old key alone → refused, 0 employees");
    await context.dispose();
  } finally {
    await cluster.stop();
  }
});
