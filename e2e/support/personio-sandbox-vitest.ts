// Vitest setup for tests against the Personio sandbox: one sandbox per test file on a free port,
// reset before every test, and the client (with the test-only calls) pointed at it.
import { afterAll, beforeAll, beforeEach } from "vitest";

import { clearPersonioTokenCache, clearRateLimitHolds, type PersonioClientConfig } from "@/lib/personio/client";
import { createSandboxAdmin, type SandboxAdmin } from "@/scripts/personio-sandbox/admin-client";
import { startPersonioSandbox, type PersonioSandbox } from "@/scripts/personio-sandbox/server";

import { createPersonioTestClient, type PersonioTestClient } from "./personio-test-client";

export const TEST_CLIENT_ID = "papi-test-client";
export const TEST_CLIENT_SECRET = "papi-test-secret-do-not-log";

export type SandboxContext = {
  sandbox: PersonioSandbox;
  admin: SandboxAdmin;
  client(overrides?: Partial<PersonioClientConfig>): PersonioTestClient;
};

export function setupSandbox(): SandboxContext {
  const context = {} as SandboxContext;
  beforeAll(async () => {
    context.sandbox = await startPersonioSandbox({
      port: 0,
      quiet: true,
      credentials: [
        {
          name: "Test",
          clientId: TEST_CLIENT_ID,
          clientSecret: TEST_CLIENT_SECRET,
          permissions: { employees: { read: true, write: true }, documents: { read: true, write: true } },
        },
      ],
    });
    context.admin = createSandboxAdmin(context.sandbox.url);
    // Short timeouts and delays keep the suite fast; behaviour is the same as with production values.
    context.client = (overrides = {}) =>
      createPersonioTestClient({
        baseUrl: context.sandbox.url,
        clientId: TEST_CLIENT_ID,
        clientSecret: TEST_CLIENT_SECRET,
        appId: "HANDOFF_TEST",
        timeoutMs: 1_000,
        retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 200 },
        ...overrides,
      });
  });
  beforeEach(() => {
    context.sandbox.reset();
    clearPersonioTokenCache();
    clearRateLimitHolds();
  });
  afterAll(async () => {
    await context.sandbox.close();
  });
  return context;
}

export const alice = { firstName: "Alice", lastName: "Example", email: "alice@example.com", position: "Engineer" };
