// The key rotation against a real database (SQLite here; PostgreSQL in npm test's PostgreSQL run).
// The end-to-end case (a running app, a send before and after) is e2e/reliability/key-rotation.spec.ts.
import { createCipheriv, randomBytes } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { decryptSecret, encryptionKeyId, encryptSecret, secretKeyId } from "@/lib/crypto";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { rotateEncryptionKey } from "@/lib/secrets/rotate-key";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let db: PrismaClient;
const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");

function encryptV1(plaintext: string, base64Key: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(base64Key, "base64"), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"))].join(":");
}

async function storedSecret() {
  return (await db.personioIntegration.findUniqueOrThrow({ where: { id: "personio" } })).clientSecretEncrypted;
}

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-rotate-${process.pid}`);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  await db.personioIntegration.deleteMany();
  await db.ssoSettings.deleteMany();
  await db.webhookSource.deleteMany();
  await db.personioToken.deleteMany();
  await db.outboxMessage.deleteMany();
  await db.auditLog.deleteMany();
});

describe("rotateEncryptionKey", () => {
  for (const [form, encrypt] of [
    ["with a key id", encryptSecret],
    ["in the earlier form without one", encryptV1],
  ] as const) {
    it(`re-encrypts a secret stored ${form}; afterwards only the new key reads it`, async () => {
      await db.personioIntegration.create({
        data: { clientId: "papi-1", clientSecretEncrypted: encrypt("papi-secret", oldKey), subdomain: "acme" },
      });
      const report = await rotateEncryptionKey(db, { current: newKey, previous: [oldKey] });
      expect(report.reencrypted).toBe(1);
      const stored = await storedSecret();
      expect(secretKeyId(stored)).toBe(encryptionKeyId(newKey));
      expect(decryptSecret(stored, newKey)).toBe("papi-secret");
      expect(() => decryptSecret(stored, oldKey)).toThrow();
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "secrets.rotate-key" } });
      expect(JSON.parse(audit.details!)).toMatchObject({
        keyId: encryptionKeyId(newKey),
        reencrypted: 1,
        alreadyCurrent: 0,
      });
      expect(audit.details).not.toContain("papi-secret");
    });
  }

  it("re-encrypts every registered column: the Personio and single sign-on client secrets (a renewed one on trial too), the ATS sources' secrets, the shared Personio token, an email waiting in the outbox", async () => {
    await db.personioIntegration.create({
      data: { clientId: "papi-1", clientSecretEncrypted: encryptSecret("papi-secret", oldKey), subdomain: "acme" },
    });
    // The bearer token the app processes share on PostgreSQL (lib/personio/shared-limits.ts).
    await db.personioToken.create({
      data: {
        id: "token-key",
        tokenEncrypted: encryptSecret("papi-token", oldKey),
        tokenHash: "hash",
        scopes: "",
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await db.ssoSettings.create({
      data: {
        preset: "generic",
        issuer: "https://id.example.com",
        clientId: "handoff",
        clientSecretEncrypted: encryptSecret("oidc-secret", oldKey),
        // A renewed secret on trial (its test sign-in not back yet) is rotated too.
        pendingSecretEncrypted: encryptSecret("oidc-renewed", oldKey),
        pendingSecretTestId: "test-1",
        buttonLabel: "Sign in with Example",
        allowedDomains: "",
      },
    });
    // One source mid-rotation (its previous secret still in its grace period), one without.
    const rotating = await db.webhookSource.create({
      data: {
        kind: "greenhouse",
        name: "Greenhouse",
        externalSource: "greenhouse",
        pathToken: "path-token-rotating-0123456789",
        secretEncrypted: encryptSecret("gh-new", oldKey),
        previousSecretEncrypted: encryptSecret("gh-old", oldKey),
        previousSecretExpiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await db.webhookSource.create({
      data: {
        kind: "workable",
        name: "Workable",
        externalSource: "workable",
        pathToken: "path-token-plain-0123456789",
        secretEncrypted: encryptSecret("wk-token", oldKey),
      },
    });
    // An email waiting to be sent (its content carries a one-time link), and one sent (content cleared).
    const waiting = await db.outboxMessage.create({
      data: {
        template: "account.invitation",
        recipient: "new.person@example.com",
        subject: "Invitation",
        contentEncrypted: encryptSecret("invitation-content", oldKey),
      },
    });
    await db.outboxMessage.create({
      data: { template: "account.invitation", recipient: "sent@example.com", subject: "Invitation", status: "SENT" },
    });
    const report = await rotateEncryptionKey(db, { current: newKey, previous: [oldKey] });
    expect(report.columns.map((column) => [column.column, column.reencrypted, column.empty])).toEqual([
      ["PersonioIntegration.clientSecretEncrypted", 1, 0],
      ["PersonioToken.tokenEncrypted", 1, 0],
      ["SsoSettings.clientSecretEncrypted", 1, 0],
      ["SsoSettings.pendingSecretEncrypted", 1, 0],
      ["WebhookSource.secretEncrypted", 2, 0],
      ["WebhookSource.previousSecretEncrypted", 1, 1],
      ["OutboxMessage.contentEncrypted", 1, 1],
    ]);
    const email = await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(decryptSecret(email.contentEncrypted!, newKey)).toBe("invitation-content");
    const token = await db.personioToken.findUniqueOrThrow({ where: { id: "token-key" } });
    expect(decryptSecret(token.tokenEncrypted, newKey)).toBe("papi-token");
    const sso = await db.ssoSettings.findUniqueOrThrow({ where: { id: "sso" } });
    expect(decryptSecret(sso.clientSecretEncrypted, newKey)).toBe("oidc-secret");
    expect(decryptSecret(sso.pendingSecretEncrypted!, newKey)).toBe("oidc-renewed");
    expect(decryptSecret(await storedSecret(), newKey)).toBe("papi-secret");
    const source = await db.webhookSource.findUniqueOrThrow({ where: { id: rotating.id } });
    expect(decryptSecret(source.secretEncrypted, newKey)).toBe("gh-new");
    expect(decryptSecret(source.previousSecretEncrypted!, newKey)).toBe("gh-old");
  });

  it("leaves secrets already under the new key alone: a second run changes nothing", async () => {
    await db.personioIntegration.create({
      data: { clientId: "papi-1", clientSecretEncrypted: encryptSecret("papi-secret", oldKey), subdomain: "acme" },
    });
    await rotateEncryptionKey(db, { current: newKey, previous: [oldKey] });
    const afterFirst = await storedSecret();
    const second = await rotateEncryptionKey(db, { current: newKey, previous: [oldKey] });
    expect(second).toMatchObject({ reencrypted: 0, alreadyCurrent: 1 });
    expect(await storedSecret()).toBe(afterFirst);
  });

  it("changes nothing when a secret cannot be read with either key, and says which", async () => {
    const unknownKey = randomBytes(32).toString("base64");
    const original = encryptSecret("papi-secret", unknownKey);
    await db.personioIntegration.create({
      data: { clientId: "papi-1", clientSecretEncrypted: original, subdomain: "acme" },
    });
    await expect(rotateEncryptionKey(db, { current: newKey, previous: [oldKey] })).rejects.toMatchObject({
      name: "RotationError",
      unreadable: [expect.stringContaining("PersonioIntegration.clientSecretEncrypted (id personio)")],
    });
    expect(await storedSecret()).toBe(original);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("a dry run reports and writes nothing", async () => {
    const original = encryptSecret("papi-secret", oldKey);
    await db.personioIntegration.create({
      data: { clientId: "papi-1", clientSecretEncrypted: original, subdomain: "acme" },
    });
    expect(await rotateEncryptionKey(db, { current: newKey, previous: [oldKey] }, { dryRun: true })).toMatchObject({
      reencrypted: 1,
      dryRun: true,
    });
    expect(await storedSecret()).toBe(original);
  });
});
