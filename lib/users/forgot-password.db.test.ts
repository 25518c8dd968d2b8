// "Forgot password?" against a real database: what lands in the outbox for a known, an unknown,
// a deactivated and an SSO-only account, the one-hour link, and the limits per account and per
// address asking. Sending itself is the outbox's (lib/email/outbox.db.test.ts).
import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let requestPasswordReset: typeof import("@/lib/users/forgot-password").requestPasswordReset;
const env: Record<string, unknown> = {};
const ssoOnly = new Set<string>();

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-forgot-password-${process.pid}`);
  client = createPrismaClient(database.url);
  Object.assign(env, {
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    LOG_LEVEL: "silent",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    DEFAULT_LOCALE: "en",
    DEFAULT_TIME_ZONE: "Europe/Berlin",
    NEXTAUTH_URL: "https://handoff.example.test",
    SMTP_HOST: "127.0.0.1",
    SMTP_SECURITY: "none",
    SMTP_FROM: "handoff@handoff.example.test",
  });
  vi.resetModules();
  vi.doMock("@/lib/env", () => ({ env }));
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/background/process-runner", () => ({ kickBackgroundRunner: () => undefined }));
  vi.doMock("@/lib/sso/password-policy", () => ({
    isPasswordSignInAllowed: async (userId: string) => !ssoOnly.has(userId),
  }));
  ({ requestPasswordReset } = await import("@/lib/users/forgot-password"));
});

beforeEach(async () => {
  await client.rateLimitCounter.deleteMany();
  env.SMTP_HOST = "127.0.0.1";
});

afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

let counter = 0;
async function createUser(options: { active?: boolean; passwordHash?: string | null; locale?: string } = {}) {
  counter += 1;
  return client.user.create({
    data: {
      name: `Person ${counter}`,
      email: `person.${counter}@example.com`,
      roleId: "recruiter",
      active: options.active ?? true,
      passwordHash: options.passwordHash === undefined ? "not-a-real-hash" : options.passwordHash,
      locale: options.locale ?? null,
    },
  });
}

const outboxFor = (recipient: string) => client.outboxMessage.findMany({ where: { recipient } });

describe("Forgot password?", () => {
  it("a known account gets one reset email with a one-hour link; an unknown address gets nothing", async () => {
    const user = await createUser({ locale: "de" });
    const before = Date.now();
    await requestPasswordReset({ email: user.email, address: "192.0.2.10" });
    await requestPasswordReset({ email: "nobody@example.com", address: "192.0.2.10" });
    const messages = await outboxFor(user.email);
    expect(messages.map((message) => [message.template, message.subject])).toEqual([
      ["account.reset", "Dein Passwort für Handoff zurücksetzen"],
    ]);
    expect(await outboxFor("nobody@example.com")).toEqual([]);
    const token = await client.accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token.purpose).toBe("RESET");
    expect(token.expiresAt.getTime() - before).toBeGreaterThanOrEqual(60 * 60_000 - 1_000);
    expect(token.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(await client.auditLog.count({ where: { action: "user.request-reset-link", targetId: user.id } })).toBe(1);
    // The job that sends it was written with it.
    expect(await client.backgroundJob.count({ where: { kind: "email.send" } })).toBeGreaterThanOrEqual(1);
  });

  it("an SSO-only account is told to use its provider, and gets no link", async () => {
    const user = await createUser();
    ssoOnly.add(user.id);
    await requestPasswordReset({ email: user.email, address: null });
    expect((await outboxFor(user.email)).map((message) => message.template)).toEqual(["account.sso-only"]);
    expect(await client.accountToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a deactivated account gets nothing, and nothing is written while email is off", async () => {
    const deactivated = await createUser({ active: false });
    await requestPasswordReset({ email: deactivated.email, address: null });
    expect(await outboxFor(deactivated.email)).toEqual([]);
    env.SMTP_HOST = undefined;
    const user = await createUser();
    await requestPasswordReset({ email: user.email, address: null });
    expect(await outboxFor(user.email)).toEqual([]);
    expect(await client.accountToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("at most three emails per account and twenty requests per address an hour", async () => {
    const user = await createUser();
    for (let index = 0; index < 5; index += 1)
      await requestPasswordReset({ email: user.email, address: `192.0.2.${100 + index}` });
    expect(await outboxFor(user.email)).toHaveLength(3);

    const others = await Promise.all(Array.from({ length: 21 }, () => createUser()));
    for (const other of others) await requestPasswordReset({ email: other.email, address: "198.51.100.7" });
    const sent = await client.outboxMessage.count({ where: { recipient: { in: others.map((other) => other.email) } } });
    expect(sent).toBe(20);
  });
});
