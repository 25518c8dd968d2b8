import { describe, expect, it } from "vitest";

import { alice, setupSandbox, TEST_CLIENT_ID } from "@/e2e/support/personio-sandbox-vitest";

const ctx = setupSandbox();

describe("Personio client against the sandbox: success paths", () => {
  it("authenticates with the credentials in a JSON body and returns the scopes", async () => {
    const { scopes } = await ctx.client().authenticate();
    expect(scopes).toEqual(["employees:read", "employees:write", "documents:read", "documents:write"]);
    const [auth] = await ctx.admin.requests();
    expect(auth?.endpoint).toBe("POST /v1/auth");
    expect(auth?.contentType).toBe("application/json");
    expect(auth?.query).toEqual({});
    expect(auth?.body).toEqual({ client_id: TEST_CLIENT_ID, client_secret: expect.any(String) });
    expect(auth?.headers["x-personio-app-id"]).toBe("HANDOFF_TEST");
  });

  it("creates an employee, finds it by email (any case) and reads it back", async () => {
    const client = ctx.client();
    const { id } = await client.createEmployee(alice);
    expect(id).toBeGreaterThan(0);
    await expect(client.findEmployeeByEmail("ALICE@example.com")).resolves.toEqual({
      id,
      firstName: "Alice",
      lastName: "Example",
      position: "Engineer",
    });
    const employee = await client.getEmployee(id);
    expect(employee).toMatchObject({
      id,
      firstName: "Alice",
      lastName: "Example",
      email: alice.email,
      position: "Engineer",
    });
    const stored = await ctx.admin.employees();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      email: alice.email,
      first_name: "Alice",
      last_name: "Example",
      position: "Engineer",
    });
  });

  it("returns null when no employee has the email (200 with empty data)", async () => {
    await ctx.admin.seedEmployees([alice]);
    await expect(ctx.client().findEmployeeByEmail("nobody@example.com")).resolves.toBeNull();
  });

  it("returns null when Personio answers an email-filter miss with 404", async () => {
    await ctx.admin.setBehaviour({ emailFilterMiss: "not_found" });
    await expect(ctx.client().findEmployeeByEmail("nobody@example.com")).resolves.toBeNull();
  });

  it("updates an employee and lists employees with pagination", async () => {
    const client = ctx.client();
    const seeded = await ctx.admin.seedEmployees([alice, { ...alice, email: "bob@example.com", firstName: "Bob" }]);
    const first = seeded[0]!;
    await expect(client.updateEmployee(first.id, { position: "Lead" })).resolves.toEqual({
      id: first.id,
      warnings: [],
    });
    expect((await client.getEmployee(first.id)).position).toBe("Lead");
    const page = await client.listEmployees({ limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.employees.map((e) => e.email)).toEqual(["bob@example.com"]);
  });

  it("reads the attribute list, document categories and uploads a document", async () => {
    const client = ctx.client();
    const attributes = await client.listEmployeeAttributes();
    expect(attributes.map((a) => a.key)).toContain("email");
    const categories = await client.listDocumentCategories();
    expect(categories[0]).toEqual({ id: 1, name: "Certificates of employment" });
    const { id } = await client.createEmployee(alice);
    const upload = await client.uploadDocument({
      employeeId: id,
      categoryId: 2,
      title: "Contract",
      file: new Blob(["%PDF-1.4"], { type: "application/pdf" }),
      fileName: "contract.pdf",
    });
    expect(upload.id).toBeGreaterThan(0);
    expect(ctx.sandbox.state.documents).toMatchObject([{ employeeId: id, categoryId: 2, fileName: "contract.pdf" }]);
  });
});

describe("token cache", () => {
  it("makes exactly one auth call for 30 parallel sends from separate client instances", async () => {
    const sends = Array.from({ length: 30 }, (_, i) =>
      ctx.client().createEmployee({ firstName: "P", lastName: String(i), email: `p${i}@example.com` }),
    );
    const ids = await Promise.all(sends);
    expect(new Set(ids.map((r) => r.id)).size).toBe(30);
    const counters = await ctx.admin.counters();
    expect(counters["POST /v1/auth"]).toBe(1);
    expect(counters["POST /v1/company/employees"]).toBe(30);
  });

  it("reuses the token across calls and only re-checks on authenticate() unless told to reuse it", async () => {
    const client = ctx.client();
    await client.findEmployeeByEmail("a@example.com");
    await client.findEmployeeByEmail("b@example.com");
    await client.authenticate({ reuseCachedToken: true });
    expect((await ctx.admin.counters())["POST /v1/auth"]).toBe(1);
    await client.authenticate();
    expect((await ctx.admin.counters())["POST /v1/auth"]).toBe(2);
  });

  it("keys the cache by secret: a changed secret never reuses the old token", async () => {
    await ctx.client().authenticate();
    await expect(ctx.client({ clientSecret: "wrong" }).findEmployeeByEmail("a@example.com")).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    expect((await ctx.admin.counters())["POST /v1/auth"]).toBe(2);
  });

  it("renews the token once when Personio stops accepting it (403), then succeeds", async () => {
    const client = ctx.client();
    await client.authenticate();
    // Simulates expiry/revocation on Personio's side: the stored token no longer matches.
    const credential = ctx.sandbox.state.credentials.get(TEST_CLIENT_ID)!;
    credential.token = { value: "papi-rotated-by-personio", expiresAt: Date.now() + 60_000 };
    await expect(client.findEmployeeByEmail("a@example.com")).resolves.toBeNull();
    const counters = await ctx.admin.counters();
    expect(counters["POST /v1/auth"]).toBe(2);
    expect(counters["GET /v1/company/employees"]).toBe(2);
  });

  it("renews once per stale token, not once per parallel request", async () => {
    await ctx.admin.setRateLimits({ employeesGet: { perSecond: 100 } });
    await ctx.client().authenticate();
    ctx.sandbox.state.credentials.get(TEST_CLIENT_ID)!.token = undefined;
    await Promise.all(Array.from({ length: 10 }, (_, i) => ctx.client().findEmployeeByEmail(`x${i}@example.com`)));
    expect((await ctx.admin.counters())["POST /v1/auth"]).toBe(2);
  });

  it("adopts a new token Personio hands back in the Authorization response header", async () => {
    // Personio's old rotation: each answer carried the token for the next call, the used one was void.
    await ctx.admin.setBehaviour({ rotateTokens: true });
    const client = ctx.client();
    for (const name of ["a", "b", "c"]) await client.findEmployeeByEmail(`${name}@example.com`);
    const requests = (await ctx.admin.requests()).filter((r) => r.endpoint === "GET /v1/company/employees");
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers.authorization)).size).toBe(3);
    expect((await ctx.admin.counters())["POST /v1/auth"]).toBe(1);
  });
});
