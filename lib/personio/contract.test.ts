import { describe, expect, it } from "vitest";

import { alice, setupSandbox, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/e2e/support/personio-sandbox-vitest";
import { validatePersonioExchange } from "@/scripts/personio-sandbox/openapi/contract-validator";
import type { RecordedExchange } from "@/scripts/personio-sandbox/state";

const ctx = setupSandbox();

async function problemsOf(exchanges: RecordedExchange[]): Promise<string[]> {
  const problems = await Promise.all(exchanges.map(validatePersonioExchange));
  return problems.flat();
}

describe("contract: every request the client sends and every sandbox answer match Personio's official files", () => {
  it("covers each client operation, successes and errors", async () => {
    const client = ctx.client();
    await client.authenticate();
    const { id } = await client.createEmployee({
      ...alice,
      hireDate: "2026-01-31",
      weeklyWorkingHours: 40,
      customAttributes: { dynamic_3: "German" },
    });
    await client.findEmployeeByEmail(alice.email);
    await client.findEmployeeByEmail("nobody@example.com");
    await client.getEmployee(id);
    await client.updateEmployee(id, { position: "Lead", supervisorId: undefined });
    await client.listEmployees({ limit: 100, offset: 0 });
    await client.listEmployeeAttributes();
    await client.listDocumentCategories();
    await client.uploadDocument({
      employeeId: id,
      categoryId: 1,
      title: "Offer",
      file: new Blob(["x"]),
      fileName: "offer.pdf",
      date: "2026-02-01",
    });
    await client.createEmployee(alice).catch(() => undefined); // email taken (422)
    await client.createEmployee({ ...alice, email: "x@example.com", supervisorId: 1 }).catch(() => undefined);
    await client.getEmployee(987_654).catch(() => undefined); // 404
    await ctx
      .client({ clientSecret: "wrong" })
      .authenticate()
      .catch(() => undefined); // 403

    const exchanges = await ctx.admin.requests();
    const endpoints = new Set(exchanges.map((e) => e.endpoint));
    expect([...endpoints].sort()).toEqual([
      "GET /v1/company/document-categories",
      "GET /v1/company/employees",
      "GET /v1/company/employees/attributes",
      "GET /v1/company/employees/{id}",
      "PATCH /v1/company/employees/{id}",
      "POST /v1/auth",
      "POST /v1/company/documents",
      "POST /v1/company/employees",
    ]);
    expect(new Set(exchanges.map((e) => e.status))).toEqual(new Set([200, 201, 403, 404, 422]));
    expect(await problemsOf(exchanges)).toEqual([]);
    for (const exchange of exchanges) expect(exchange.headers["x-personio-app-id"]).toBe("HANDOFF_TEST");
  }, 60_000); // the first validation compiles the 5,700-line spec: seconds on a loaded machine

  it("the validator is not a rubber stamp: it rejects requests and answers that break the files", async () => {
    const base = {
      at: 0,
      endpoint: "POST /v1/company/employees",
      method: "POST",
      path: "/v1/company/employees",
      query: {},
      contentType: "application/json",
    };
    const withToken = { authorization: "Bearer papi-x", "content-type": "application/json" };
    const missingEmail = await validatePersonioExchange({
      ...base,
      headers: withToken,
      body: { employee: { first_name: "A", last_name: "B" } },
    });
    expect(missingEmail.join()).toMatch(/email/);
    const noToken = await validatePersonioExchange({
      ...base,
      headers: { "content-type": "application/json" },
      body: { employee: alice },
    });
    expect(noToken.join()).toMatch(/Bearer/);
    const badAnswer = await validatePersonioExchange({
      ...base,
      headers: withToken,
      body: { employee: { email: "a@b.c", first_name: "A", last_name: "B" } },
      status: 200,
      responseBody: { success: true, data: { id: "12", message: "success" } },
    });
    expect(badAnswer.join()).toMatch(/must be number/);
    const overLimit = await validatePersonioExchange({
      at: 0,
      endpoint: "GET /v1/company/employees",
      method: "GET",
      path: "/v1/company/employees",
      query: { limit: "0" },
      headers: withToken,
      contentType: "",
      body: undefined,
    });
    expect(overLimit.join()).toMatch(/limit/);
    const authInQuery = await validatePersonioExchange({
      at: 0,
      endpoint: "POST /v1/auth",
      method: "POST",
      path: "/v1/auth",
      query: { client_id: "a", client_secret: "b" },
      headers: { "content-type": "application/json" },
      contentType: "application/json",
      body: { client_id: "a", client_secret: "b" },
    });
    expect(authInQuery.join()).toMatch(/query string/);
    // A multipart upload without its category (the shipped client always sends one).
    const uploadWithoutCategory = await validatePersonioExchange({
      at: 0,
      endpoint: "POST /v1/company/documents",
      method: "POST",
      path: "/v1/company/documents",
      query: {},
      headers: { authorization: "Bearer papi-x", "content-type": "multipart/form-data; boundary=x" },
      contentType: "multipart/form-data; boundary=x",
      body: { title: "CV", employee_id: "1", file: "<file cv.pdf>" },
    });
    expect(uploadWithoutCategory.join()).toMatch(/category_id/);
  });

  it("sandbox answers for v2 token, form-encoded v1 auth and form-encoded create match the files", async () => {
    const post = (path: string, body: string) =>
      fetch(`${ctx.sandbox.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    await post(
      "/v2/auth/token",
      `grant_type=client_credentials&client_id=${TEST_CLIENT_ID}&client_secret=${TEST_CLIENT_SECRET}`,
    );
    await post("/v2/auth/token", `grant_type=client_credentials&client_id=${TEST_CLIENT_ID}&client_secret=nope`);
    await post("/v2/auth/token", "grant_type=password&client_id=a&client_secret=b"); // deliberately invalid
    const auth = (await (
      await post("/v1/auth", `client_id=${TEST_CLIENT_ID}&client_secret=${TEST_CLIENT_SECRET}`)
    ).json()) as { data: { token: string } };
    const created = await fetch(`${ctx.sandbox.url}/v1/company/employees`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${auth.data.token}` },
      body: "employee[email]=form@example.com&employee[first_name]=Form&employee[last_name]=Person&employee[gender]=diverse",
    });
    expect(created.status).toBe(200);
    const exchanges = await ctx.admin.requests();
    expect(exchanges.map((e) => e.status)).toEqual([200, 400, 400, 200, 200]);
    // Only the request sent on purpose with a wrong grant type may be flagged, and only that request.
    const problems = await problemsOf(exchanges);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^POST \/v2\/auth\/token request \/requestBody\/grant_type must be equal to one of the allowed values/,
    );
  });

  it("the calls the review form and Update in Personio make: attributes, projected employee pages, creates and PATCHes with meta warnings", async () => {
    const client = ctx.client();
    await ctx.admin.seedEmployees([
      { firstName: "Hanna", lastName: "Lead", email: "hanna@example.com", department: "Engineering", office: "Berlin" },
    ]);
    await ctx.admin.clearRequests();
    const attributes = await client.listEmployeeAttributes();
    expect(attributes.map((attribute) => attribute.key)).toContain("department");
    const page = await client.listEmployees({
      limit: 100,
      offset: 0,
      attributes: ["first_name", "last_name", "department", "office"],
    });
    expect(page.employees[0]?.attributes.department?.value).toEqual({
      type: "Department",
      // Each unit its own id (the sandbox's second department).
      attributes: { id: 281522, name: "Engineering" },
    });
    // An office the account does not have: created all the same, the office ignored with a meta error.
    const created = await client.createEmployee({
      ...alice,
      department: "Engineering",
      office: "Berlín",
      hireDate: "2026-03-01",
    });
    expect(created.warnings).toEqual(["The office 'Berlín' does not exist in this company and was ignored."]);
    const stored = (await ctx.admin.employees()).find((employee) => employee.id === created.id);
    expect(stored?.office).toBeUndefined();
    expect(stored?.department).toBe("Engineering");
    // The fault switch: every office ignored, as Personio does for an unknown one.
    await ctx.admin.setBehaviour({ ignoreOffices: true });
    const patched = await client.updateEmployee(created.id, { office: "Berlin", position: "Lead" });
    expect(patched.warnings).toEqual(["The office 'Berlin' does not exist in this company and was ignored."]);
    await ctx.admin.setBehaviour({ ignoreOffices: false });
    const fixed = await client.updateEmployee(created.id, { office: "Berlin" });
    expect(fixed.warnings).toEqual([]);
    expect((await ctx.admin.employees()).find((employee) => employee.id === created.id)?.office).toBe("Berlin");

    const exchanges = await ctx.admin.requests();
    for (const endpoint of [
      "GET /v1/company/employees/attributes",
      "GET /v1/company/employees",
      "POST /v1/company/employees",
    ]) {
      expect(exchanges.some((e) => e.endpoint === endpoint)).toBe(true);
    }
    expect(exchanges.some((e) => e.endpoint === "PATCH /v1/company/employees/{id}")).toBe(true);
    expect(exchanges.find((e) => e.endpoint === "GET /v1/company/employees")?.query["attributes[]"]).toEqual([
      "first_name",
      "last_name",
      "department",
      "office",
    ]);
    expect(await problemsOf(exchanges)).toEqual([]);
  });

  it("v2's org references: the legal entities list, a create and an employment PATCH by id, an unknown id's 400", async () => {
    const v1 = ctx.client();
    await ctx.admin.seedEmployees([
      { firstName: "Hanna", lastName: "Lead", email: "hanna@example.com", department: "People", office: "Madrid" },
    ]);
    // The ids as the review form's lists keep them: v1's employee objects and v2's legal entities.
    const [hanna] = (await v1.listEmployees({ attributes: ["department", "office"] })).employees;
    const idOf = (key: string) =>
      String((hanna?.attributes[key]?.value as { attributes: { id: number } }).attributes.id);
    const client = ctx.client({ apiVersion: "v2" });
    const legalEntities = await client.listLegalEntities!();
    const orgIds = async () => ({
      department: { People: idOf("department") },
      office: { Madrid: idOf("office"), Nowhere: "999" },
      subcompany: Object.fromEntries(legalEntities.map((entity) => [entity.name, entity.id])),
    });
    const v2 = ctx.client({ apiVersion: "v2", orgIds });
    const { id } = await v2.createEmployee({
      ...alice,
      department: "People",
      office: "Madrid",
      subcompany: "ACME Ltd.",
    });
    await v2.updateEmployee(id, { subcompany: "ACME GmbH" });
    await v2.updateEmployee(id, { office: "Nowhere" }).catch(() => undefined); // 400: no such office
    const stored = (await ctx.admin.employees()).find((employee) => employee.id === id);
    expect(stored).toMatchObject({ department: "People", office: "Madrid", subcompany: "ACME GmbH" });

    const exchanges = await ctx.admin.requests();
    const endpoints = new Set(exchanges.map((e) => e.endpoint));
    for (const endpoint of [
      "GET /v2/legal-entities",
      "POST /v2/persons",
      "PATCH /v2/persons/{id}/employments/{employment_id}",
    ] as const) {
      expect(endpoints).toContain(endpoint);
    }
    expect(exchanges.find((e) => e.endpoint.startsWith("PATCH /v2/") && e.status === 400)).toBeDefined();
    expect(await problemsOf(exchanges)).toEqual([]);
  }, 60_000);
});
