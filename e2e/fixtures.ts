import { randomUUID } from "node:crypto";

import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import type { RoleKey } from "@/lib/permissions/definitions";

// The same database the app under test uses (playwright.config.ts sets DATABASE_URL).
export const db = createPrismaClient(process.env.DATABASE_URL!);

export const TEST_PASSWORD = "e2e-password-2026";
// The lowest bcrypt cost: every test signs its users in, and at the app's cost 12 each sign-in
// spends a few hundred milliseconds of CPU (seconds on a busy machine) on the comparison alone.
// Passwords set through the app's own forms are still hashed at cost 12.
const passwordHash = hashPassword(TEST_PASSWORD, 4);

export type TestUser = { id: string; name: string; email: string; roleId: RoleKey };

export function uniqueSuffix() {
  return randomUUID().slice(0, 8);
}

// Each test creates the people and data it needs, so tests run in parallel without
// seeing each other's changes.
export async function createTestUser(
  roleId: RoleKey,
  options: { active?: boolean; name?: string; client?: PrismaClient } = {},
): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const user = await (options.client ?? db).user.create({
    data: {
      name: options.name ?? `Test ${roleId} ${suffix}`,
      email: `${roleId}.${suffix}@e2e.handoff.test`,
      roleId,
      active: options.active ?? true,
      passwordHash: await passwordHash,
    },
    select: { id: true, name: true, email: true },
  });
  return { ...user, roleId };
}

// Signs in over HTTP, as the sign-in form does, so the browser context carries the session cookie.
export async function signIn(page: Page, user: { email: string }, password = TEST_PASSWORD) {
  await signInRequest(page.request, user, password);
}

// The same over a bare API context (no browser), for tests that drive the app over HTTP only.
export async function signInRequest(request: APIRequestContext, user: { email: string }, password = TEST_PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(user.email);
}

export async function createTestJob(title = `Job ${uniqueSuffix()}`, client: PrismaClient = db) {
  return client.job.create({
    data: { title, department: "Engineering", office: "Berlin" },
    select: { id: true, title: true },
  });
}

export async function createTestCandidate(
  data: Partial<{
    firstName: string;
    lastName: string;
    email: string;
    stage: string;
    jobId: string;
    phone: string | null;
    notes: string | null;
  }> = {},
  client: PrismaClient = db,
) {
  const suffix = uniqueSuffix();
  const jobId = data.jobId ?? (await createTestJob(undefined, client)).id;
  return client.candidate.create({
    data: {
      firstName: data.firstName ?? "Zoë",
      lastName: data.lastName ?? `Tester-${suffix}`,
      email: data.email ?? `zoe.${suffix}@example.com`,
      stage: data.stage ?? "HIRED",
      jobId,
      phone: data.phone ?? null,
      notes: data.notes ?? null,
      source: "Referral",
    },
  });
}

export const test = base;

// A test whose outcome cannot depend on the database: npm test runs it in its SQLite run only and
// leaves it out of the PostgreSQL run (scripts/test.ts). What differs between the two databases is
// the SQL: raw queries (search, the To send queue, batched import inserts, the last-admin check),
// unique keys and conditional updates that decide a race (send once, webhook replays, first
// admin), the rate limiter's store, leases, migrations. The *.db.test.ts files test each of those
// on both; so do the Playwright tests that drive them through the app (search and paging, sends
// and their races, imports, webhooks, the API, role changes and deactivation, audit filters and
// export, and the reliability specs: rate limits, concurrency, crash, first run, key rotation).
// Everything else reads and writes through the same Prisma calls whichever database is below
// (pages, language, forms, redirects, SSO, permissions, how Personio's faults are explained, the
// sign-in slowdown whose store reliability/sign-in-limits.spec.ts tests on both), and is tagged
// with this, also inside the specs above. A serial file whose tests build on each other is
// tagged whole or not at all: a later test must not run on PostgreSQL without the earlier ones.
export const DATABASE_INDEPENDENT = { tag: "@database-independent" };
export { expect };
