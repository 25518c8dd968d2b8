// Personio's values for the review form's dropdowns, read from the sandbox with the real client
// and cached in a migrated database: the org units derived from the employee list (paged at 100),
// supervisors, a credential without read, and a cached opening that costs no Personio call.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { setupSandbox, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/e2e/support/personio-sandbox-vitest";
import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import type { PersonioClient, PersonioClientConfig } from "@/lib/personio/client";

type OptionsModule = typeof import("@/lib/personio/integration/options");

const context = setupSandbox();
let personio: PersonioClient;
let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let options: OptionsModule;
// Built from the same module copies as the service under test (vi.resetModules below), so its
// errors are the PersonioError the service recognises.
let makeClient: (overrides?: Partial<PersonioClientConfig>) => PersonioClient;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-options-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  vi.doMock("@/lib/personio/integration/connection", () => ({
    getConnectedPersonioClient: async () => ({
      client: personio,
      subdomain: "acme",
      enabled: true,
      healthIsFresh: true,
    }),
  }));
  options = await import("@/lib/personio/integration/options");
  const { createPersonioClient, clearPersonioTokenCache } = await import("@/lib/personio/client");
  makeClient = (overrides = {}) => {
    clearPersonioTokenCache();
    return createPersonioClient({
      baseUrl: context.sandbox.url,
      clientId: TEST_CLIENT_ID,
      clientSecret: TEST_CLIENT_SECRET,
      appId: "HANDOFF_TEST",
      timeoutMs: 1_000,
      retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 200 },
      ...overrides,
    });
  };
});

afterAll(async () => {
  vi.doUnmock("@/lib/db");
  vi.doUnmock("@/lib/personio/integration/connection");
  await client.$disconnect();
  await database.drop();
});

function seed(count: number, department: (index: number) => string) {
  return context.admin.seedEmployees(
    Array.from({ length: count }, (_, index) => ({
      firstName: `Person${index}`,
      lastName: "Example",
      email: `person${index}@example.com`,
      department: department(index),
      office: index % 2 === 0 ? "Berlin" : "Madrid",
    })),
  );
}

describe("Personio's lists", () => {
  it("derives departments, offices and supervisors from every page of the employee list, and caches them", async () => {
    personio = makeClient();
    await options.clearPersonioOptions();
    // 230 employees: three pages of at most 100; the last department only on the last page.
    await seed(230, (index) => (index === 229 ? "Legal" : index % 3 === 0 ? "Sales" : "Engineering"));
    await context.admin.clearRequests();

    const load = await options.getPersonioOptions();
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    expect(load.fromCache).toBe(false);
    expect(load.lists.department).toEqual(["Engineering", "Legal", "Sales"]);
    expect(load.lists.office).toEqual(["Berlin", "Madrid"]);
    expect(load.lists.supervisor).toHaveLength(230);
    expect(load.lists.supervisor[0]).toEqual({ id: expect.any(Number), name: expect.stringContaining("Example") });
    expect(load.lists.noRead).toBe(false);
    const pages = (await context.admin.requests()).filter(
      (request) => request.endpoint === "GET /v1/company/employees",
    );
    expect(pages.map((request) => request.query.limit)).toEqual(["100", "100", "100"]);
    expect(pages.map((request) => request.query.offset)).toEqual(["0", "100", "200"]);

    // The next opening: from the database, no call to Personio.
    await context.admin.clearRequests();
    const cached = await options.getPersonioOptions();
    expect(cached).toMatchObject({ ok: true, fromCache: true });
    expect(await context.admin.requests()).toHaveLength(0);
  });

  it("keeps Personio's id beside each name; with v2 the subcompanies are the legal entities of GET /v2/legal-entities", async () => {
    await options.clearPersonioOptions();
    await seed(2, () => "Sales");
    personio = makeClient();
    const v1 = await options.refreshPersonioOptions();
    expect(v1.ok && v1.lists.apiVersion).toBe("v1");
    // The sandbox's ids (state.ts): Sales is its fourth department, Berlin and Madrid its first and third offices.
    expect(v1.ok && v1.lists.ids).toEqual({
      department: { Sales: "281524" },
      office: { Berlin: "131014", Madrid: "131016" },
      subcompany: {},
    });

    personio = makeClient({ apiVersion: "v2" });
    await context.admin.clearRequests();
    const v2 = await options.refreshPersonioOptions();
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(v2.lists.apiVersion).toBe("v2");
    expect(v2.lists.subcompany).toEqual(["ACME GmbH", "ACME Ltd."]);
    expect(v2.lists.ids).toMatchObject({ subcompany: { "ACME GmbH": "7033", "ACME Ltd.": "7034" } });
    // The demo credential may not read v1's subcompany attribute; v2's own list makes it offered.
    expect(v2.lists.readable).toContain("subcompany");
    const endpoints = (await context.admin.requests()).map((request) => request.endpoint);
    expect(endpoints).toContain("GET /v2/legal-entities");
  });

  it("serves a list past its freshness as it is and refreshes it in the background", async () => {
    personio = makeClient();
    await seed(3, () => "Engineering");
    await options.refreshPersonioOptions();
    const stale = new Date(Date.now() - options.OPTIONS_FRESH_MS - 1_000);
    await client.personioOptionCache.update({ where: { id: "personio" }, data: { fetchedAt: stale } });
    await context.admin.seedEmployees([
      { firstName: "New", lastName: "Hire", email: "new@example.com", department: "Finance" },
    ]);

    const served = await options.getPersonioOptions();
    expect(served).toMatchObject({ ok: true, fromCache: true });
    expect(served.ok && served.lists.department).toEqual(["Engineering"]);
    await vi.waitFor(async () => {
      const row = await client.personioOptionCache.findUniqueOrThrow({ where: { id: "personio" } });
      expect(row.fetchedAt.getTime()).toBeGreaterThan(stale.getTime());
      expect((JSON.parse(row.data) as { department: string[] }).department).toEqual(["Engineering", "Finance"]);
    });
  });

  it("a credential without Employees access: no lists, and says so", async () => {
    // Personio ties write to read (a writer can always read), so "no read" means no access.
    await context.admin.updateCredential(TEST_CLIENT_ID, { permissions: { employees: { read: false, write: false } } });
    personio = makeClient();
    const load = await options.refreshPersonioOptions();
    expect(load).toMatchObject({
      ok: true,
      lists: { noRead: true, readable: [], department: [], office: [], supervisor: [] },
    });
  });

  it("a credential that may not read department and office: those lists stay empty and are marked unreadable", async () => {
    await seed(5, () => "Engineering");
    await context.admin.updateCredential(TEST_CLIENT_ID, {
      readableAttributes: ["id", "first_name", "last_name", "email", "position"],
    });
    personio = makeClient();
    const load = await options.refreshPersonioOptions();
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    expect(load.lists.noRead).toBe(false);
    expect(load.lists.readable).not.toContain("department");
    expect(load.lists.readable).not.toContain("office");
    expect(load.lists.department).toEqual([]);
    expect(load.lists.supervisor.length).toBeGreaterThan(0);
  });

  it("Personio unreachable and nothing cached: the reason, not empty lists", async () => {
    await options.clearPersonioOptions();
    await context.admin.addFault({ endpoint: "*", kind: "status", status: 503 });
    personio = makeClient({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    const load = await options.getPersonioOptions();
    expect(load).toEqual({ ok: false, code: "unavailable" });
  });
});
