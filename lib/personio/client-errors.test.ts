import { describe, expect, it } from "vitest";

import { alice, setupSandbox, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/e2e/support/personio-sandbox-vitest";

import { PersonioError } from "./errors";

const ctx = setupSandbox();

async function failure(promise: Promise<unknown>): Promise<PersonioError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PersonioError);
  const personioError = error as PersonioError;
  // Whatever went wrong, neither the secret nor a token may reach a log line.
  expect(personioError.message).not.toContain(TEST_CLIENT_SECRET);
  expect(personioError.message).not.toMatch(/papi-[0-9a-f]{16}/);
  return personioError;
}

describe("credential errors", () => {
  it.each([401, 403] as const)("wrong secret answered with %i → invalid_credentials", async (status) => {
    await ctx.admin.setBehaviour({ wrongCredentialsStatus: status });
    const error = await failure(ctx.client({ clientSecret: "not-the-secret" }).authenticate());
    expect(error).toMatchObject({ code: "invalid_credentials", status, outcomeUnknown: false });
  });

  it("unknown client id → invalid_credentials, also from a data call", async () => {
    const error = await failure(ctx.client({ clientId: "papi-unknown" }).findEmployeeByEmail("a@example.com"));
    expect(error.code).toBe("invalid_credentials");
  });

  it("disabled credential → credentials_disabled, even with a token cached before; re-enabled → works", async () => {
    const client = ctx.client();
    await client.authenticate();
    await ctx.admin.disableCredential(TEST_CLIENT_ID);
    expect((await failure(client.findEmployeeByEmail("a@example.com"))).code).toBe("credentials_disabled");
    expect((await failure(client.authenticate())).code).toBe("credentials_disabled");
    await ctx.admin.enableCredential(TEST_CLIENT_ID);
    await expect(client.findEmployeeByEmail("a@example.com")).resolves.toBeNull();
  });

  it("removed credential → credentials_disabled", async () => {
    const client = ctx.client();
    await client.authenticate();
    await ctx.admin.removeCredential(TEST_CLIENT_ID);
    expect((await failure(client.createEmployee(alice))).code).toBe("credentials_disabled");
    expect(await ctx.admin.employees()).toHaveLength(0);
  });

  it("missing permission → missing_permission without renewing the token", async () => {
    await ctx.admin.updateCredential(TEST_CLIENT_ID, { permissions: { employees: { read: true, write: false } } });
    const client = ctx.client();
    await expect(client.findEmployeeByEmail("a@example.com")).resolves.toBeNull();
    const error = await failure(client.createEmployee(alice));
    expect(error).toMatchObject({ code: "missing_permission", status: 403, outcomeUnknown: false });
    expect((await ctx.admin.counters())["POST /v1/auth"]).toBe(1);
    expect(await ctx.admin.employees()).toHaveLength(0);
  });

  it("missing documents permission → missing_permission on document categories", async () => {
    await ctx.admin.updateCredential(TEST_CLIENT_ID, { permissions: { documents: { read: false, write: false } } });
    expect((await failure(ctx.client().listDocumentCategories())).code).toBe("missing_permission");
  });
});

describe("data errors", () => {
  it.each([
    [{ ...alice, email: "not-an-email" }, "email"],
    [{ ...alice, firstName: "" }, "first_name"],
    [{ ...alice, supervisorId: 4242 }, "supervisor_id"],
    [{ ...alice, hireDate: "01.02.2026" }, "hire_date"],
  ])("validation error names the field (%j → %s)", async (input, field) => {
    const error = await failure(ctx.client().createEmployee(input));
    expect(error).toMatchObject({ code: "validation_error", field, status: 422, outcomeUnknown: false });
  });

  it("email already used → email_taken, and nothing new is stored", async () => {
    await ctx.admin.seedEmployees([alice]);
    const error = await failure(ctx.client().createEmployee({ ...alice, email: "Alice@Example.com" }));
    expect(error).toMatchObject({ code: "email_taken", outcomeUnknown: false });
    expect(await ctx.admin.employees()).toHaveLength(1);
  });

  it("unknown employee id → not_found", async () => {
    expect((await failure(ctx.client().getEmployee(999_999))).code).toBe("not_found");
  });
});

describe("rate limits", () => {
  it("auth endpoint over its limit → rate_limited with the cool-down as Retry-After", async () => {
    await ctx.admin.setRateLimits({ auth: { perMinute: 2, cooldownSeconds: 60 } });
    const client = ctx.client();
    await client.authenticate();
    await client.authenticate();
    const error = await failure(client.authenticate());
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 60 });
    // The cached token still works while auth cools down.
    await expect(client.findEmployeeByEmail("a@example.com")).resolves.toBeNull();
  });

  it("GET employees burst over 15/s → reads wait and retry instead of failing", async () => {
    await ctx.admin.setRateLimits({ employeesGet: { perSecond: 3 } });
    const client = ctx.client({ retry: { maxRetries: 3, baseDelayMs: 50, maxDelayMs: 1_500 } });
    await client.authenticate();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => client.findEmployeeByEmail(`r${i}@example.com`)),
    );
    expect(results).toEqual([null, null, null, null, null]);
    expect((await ctx.admin.counters())["GET /v1/company/employees"]).toBeGreaterThan(5);
  });

  it("a 429 without Retry-After on a create → rate_limited, not retried", async () => {
    await ctx.admin.addFault({ endpoint: "POST /v1/company/employees", kind: "status", status: 429 });
    const error = await failure(ctx.client().createEmployee(alice));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: undefined, outcomeUnknown: false });
    expect((await ctx.admin.counters())["POST /v1/company/employees"]).toBe(1);
  });
});
