import { describe, expect, it } from "vitest";

import { alice, setupSandbox } from "@/e2e/support/personio-sandbox-vitest";
import { validatePersonioExchange } from "@/scripts/personio-sandbox/openapi/contract-validator";

import { assessPersonioScopes } from "./integration/scopes";

const ctx = setupSandbox();
const v2 = () => ctx.client({ apiVersion: "v2" });

describe("Personio client with API v2 against the sandbox", () => {
  it("takes a form-encoded client-credentials token with v2 scope names", async () => {
    const { scopes } = await v2().authenticate();
    expect(scopes).toEqual(expect.arrayContaining(["personio:persons:read", "personio:persons:write"]));
    expect(assessPersonioScopes(scopes)).toBe("read_write");
    const [token] = await ctx.admin.requests();
    expect(token?.endpoint).toBe("POST /v2/auth/token");
    expect(token?.contentType).toBe("application/x-www-form-urlencoded");
    expect(token?.body).toMatchObject({ grant_type: "client_credentials" });
  });

  it("a credential without Employees write has no personio:persons:write and is assessed missing_write", async () => {
    const { credential, clientSecret } = await ctx.admin.createCredential({
      name: "Read only",
      permissions: { employees: { read: true, write: false } },
    });
    const client = ctx.client({ apiVersion: "v2", clientId: credential.clientId, clientSecret });
    const { scopes } = await client.authenticate();
    expect(scopes).toEqual(["personio:persons:read", "personio:employments:read"]);
    expect(assessPersonioScopes(scopes)).toBe("missing_write");
  });

  it("creates a person with its employment in one POST /v2/persons, then finds it by email", async () => {
    const client = v2();
    await client.authenticate({ reuseCachedToken: true });
    const before = await ctx.admin.counters();
    const { id } = await client.createEmployee({ ...alice, hireDate: "2027-01-04", weeklyWorkingHours: 40 });
    const after = await ctx.admin.counters();
    expect(after["POST /v2/persons"]).toBe(1);
    expect(Object.values(after).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(
      Object.values(before).reduce((sum, n) => sum + (n ?? 0), 0) + 1,
    );
    const [stored] = await ctx.admin.employees();
    expect(stored).toMatchObject({ id, email: alice.email, position: "Engineer", hire_date: "2027-01-04" });
    await expect(client.findEmployeeByEmail(alice.email.toUpperCase())).resolves.toMatchObject({ id });
    const create = (await ctx.admin.requests()).find((request) => request.endpoint === "POST /v2/persons");
    expect(create?.body).toMatchObject({
      first_name: "Alice",
      last_name: "Example",
      email: alice.email,
      employments: [{ position: { title: "Engineer" }, employment_start_date: "2027-01-04", weekly_working_hours: 40 }],
    });
  });

  it("finds a v1-created employee by a v2 lookup (one state)", async () => {
    const { id } = await ctx.client().createEmployee(alice);
    await expect(v2().findEmployeeByEmail(alice.email)).resolves.toMatchObject({ id, firstName: "Alice" });
  });

  it("answers a second create for the same email with email_taken, creating nobody", async () => {
    await ctx.admin.seedEmployees([alice]);
    await expect(v2().createEmployee(alice)).rejects.toMatchObject({ code: "email_taken" });
    expect(await ctx.admin.employees()).toHaveLength(1);
  });

  it("updates the person and its employment through v2's PATCH endpoints", async () => {
    const client = v2();
    const { id } = await client.createEmployee(alice);
    await client.updateEmployee(id, { lastName: "Changed", position: "Lead" });
    const [stored] = await ctx.admin.employees();
    expect(stored).toMatchObject({ last_name: "Changed", position: "Lead" });
    const endpoints = (await ctx.admin.requests()).map((request) => request.endpoint);
    expect(endpoints).toEqual(
      expect.arrayContaining(["PATCH /v2/persons/{id}", "PATCH /v2/persons/{id}/employments/{employment_id}"]),
    );
  });

  it("renews a revoked token once for parallel requests, not once per request", async () => {
    const client = v2();
    const { id } = await client.createEmployee(alice);
    const token = (await ctx.admin.requests()).find((request) => request.endpoint === "POST /v2/persons")?.headers
      .authorization;
    await fetch(`${ctx.sandbox.url}/v2/auth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: token!.replace(/^Bearer /, "") }).toString(),
    });
    const before = (await ctx.admin.counters())["POST /v2/auth/token"] ?? 0;
    const found = await Promise.all([1, 2, 3, 4].map(() => client.findEmployeeByEmail(alice.email)));
    expect(found.every((match) => match?.id === id)).toBe(true);
    expect((await ctx.admin.counters())["POST /v2/auth/token"]).toBe(before + 1);
  });

  it("revokes its token (POST /v2/auth/revoke), after which the token is refused", async () => {
    const client = v2();
    await client.authenticate();
    await client.revokeToken();
    const revoke = (await ctx.admin.requests()).find((request) => request.endpoint === "POST /v2/auth/revoke");
    expect(revoke?.contentType).toBe("application/x-www-form-urlencoded");
    expect(revoke?.status).toBe(200);
  });

  it("sends requests valid against Personio's v2 references", async () => {
    const client = v2();
    const { id } = await client.createEmployee(alice);
    await client.findEmployeeByEmail(alice.email);
    await client.updateEmployee(id, { lastName: "Changed", position: "Lead" });
    const problems = [];
    for (const exchange of await ctx.admin.requests()) problems.push(...(await validatePersonioExchange(exchange)));
    expect(problems).toEqual([]);
    // The check can fail: a position given as text, not `{title}`, is reported.
    const create = (await ctx.admin.requests()).find((request) => request.endpoint === "POST /v2/persons")!;
    const wrong = { ...create, body: { ...(create.body as object), employments: [{ position: "Lead" }] } };
    expect(await validatePersonioExchange(wrong)).not.toEqual([]);
  });

  // The sandbox's ids (state.ts): departments from 281521, offices from 131014, legal entities from 7033.
  const orgIds = async () => ({
    department: { Engineering: "281522" },
    office: { Berlin: "131014", Munich: "131017" },
    subcompany: { "ACME GmbH": "7033" },
  });

  it("sends department, office and legal entity as references by id, in the one create and in the employment PATCH", async () => {
    const client = ctx.client({ apiVersion: "v2", orgIds });
    await client.authenticate({ reuseCachedToken: true });
    const before = await ctx.admin.counters();
    const { id, warnings } = await client.createEmployee({
      ...alice,
      department: "Engineering",
      office: "Berlin",
      subcompany: "ACME GmbH",
    });
    expect(warnings).toEqual([]);
    const after = await ctx.admin.counters();
    const total = (counts: typeof after) => Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
    expect(total(after)).toBe(total(before) + 1);
    const create = (await ctx.admin.requests()).find((request) => request.endpoint === "POST /v2/persons");
    expect(create?.body).toMatchObject({
      employments: [
        {
          org_units: [{ type: "department", id: "281522" }],
          office: { id: "131014" },
          legal_entity: { id: "7033" },
        },
      ],
    });
    expect(await ctx.admin.employees()).toEqual([
      expect.objectContaining({ id, department: "Engineering", office: "Berlin", subcompany: "ACME GmbH" }),
    ]);
    await client.updateEmployee(id, { office: "Munich" });
    const patch = (await ctx.admin.requests()).find(
      (request) => request.endpoint === "PATCH /v2/persons/{id}/employments/{employment_id}",
    );
    expect(patch?.body).toEqual({ office: { id: "131017" } });
    expect(await ctx.admin.employees()).toEqual([expect.objectContaining({ office: "Munich" })]);
    const problems = [];
    for (const exchange of await ctx.admin.requests()) problems.push(...(await validatePersonioExchange(exchange)));
    expect(problems).toEqual([]);
  });

  it("refuses a name the lists have no id for before anything is sent", async () => {
    const client = ctx.client({ apiVersion: "v2", orgIds });
    await expect(client.createEmployee({ ...alice, office: "Madrid" })).rejects.toMatchObject({
      code: "validation_error",
      field: "office",
    });
    expect((await ctx.admin.counters())["POST /v2/persons"] ?? 0).toBe(0);
  });

  it("an id Personio does not have is refused with v2's 400, and nobody is created", async () => {
    const client = ctx.client({
      apiVersion: "v2",
      orgIds: async () => ({ department: {}, office: { Berlin: "999" }, subcompany: {} }),
    });
    await expect(client.createEmployee({ ...alice, office: "Berlin" })).rejects.toMatchObject({
      code: "validation_error",
    });
    const create = (await ctx.admin.requests()).find((request) => request.endpoint === "POST /v2/persons");
    expect(create?.status).toBe(400);
    expect(await validatePersonioExchange(create!)).toEqual([]);
    expect(await ctx.admin.employees()).toEqual([]);
  });

  it("lists the legal entities with their ids from GET /v2/legal-entities, as its reference describes", async () => {
    const entities = await v2().listLegalEntities!();
    expect(entities).toEqual(
      expect.arrayContaining([
        { id: "7033", name: "ACME GmbH" },
        { id: "7034", name: "ACME Ltd." },
      ]),
    );
    expect(entities).toHaveLength(2);
    const list = (await ctx.admin.requests()).find((request) => request.endpoint === "GET /v2/legal-entities")!;
    expect(await validatePersonioExchange(list)).toEqual([]);
    // The check can fail: a limit above the reference's 100 is reported.
    expect(await validatePersonioExchange({ ...list, query: { limit: "500" } })).not.toEqual([]);
  });
});
