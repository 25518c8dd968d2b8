import { createServer } from "node:net";

import { describe, expect, it } from "vitest";

import { alice, setupSandbox } from "@/e2e/support/personio-sandbox-vitest";

import { PersonioError } from "./errors";

const ctx = setupSandbox();
const CREATE = "POST /v1/company/employees" as const;
const LIST = "GET /v1/company/employees" as const;

async function failure(promise: Promise<unknown>): Promise<PersonioError> {
  const error: unknown = await promise.then(
    () => new Error("expected the call to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PersonioError);
  return error as PersonioError;
}

describe("retries on reads", () => {
  it("retries a read after 429 with Retry-After and after 429 without it", async () => {
    await ctx.admin.addFault({ endpoint: LIST, kind: "status", status: 429, retryAfterSeconds: 0, times: 1 });
    await ctx.admin.addFault({ endpoint: LIST, kind: "status", status: 429, times: 1 });
    await expect(ctx.client().findEmployeeByEmail("a@example.com")).resolves.toBeNull();
    expect((await ctx.admin.counters())[LIST]).toBe(3);
  });

  it("gives up at once when Retry-After is longer than the client may wait", async () => {
    await ctx.admin.addFault({ endpoint: LIST, kind: "status", status: 429, retryAfterSeconds: 120 });
    const error = await failure(ctx.client().findEmployeeByEmail("a@example.com"));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 120 });
    expect((await ctx.admin.counters())[LIST]).toBe(1);
  });

  it.each([500, 502, 503, 504])("retries a read after %i and succeeds", async (status) => {
    await ctx.admin.seedEmployees([alice]);
    await ctx.admin.addFault({ endpoint: "GET /v1/company/employees/{id}", kind: "status", status, times: 2 });
    const [stored] = await ctx.admin.employees();
    await expect(ctx.client().getEmployee(stored!.id)).resolves.toMatchObject({ email: alice.email });
    expect((await ctx.admin.counters())["GET /v1/company/employees/{id}"]).toBe(3);
  });

  it("stops after the bounded number of retries → unavailable", async () => {
    await ctx.admin.addFault({ endpoint: LIST, kind: "status", status: 503 });
    const error = await failure(ctx.client().findEmployeeByEmail("a@example.com"));
    expect(error).toMatchObject({ code: "unavailable", status: 503, outcomeUnknown: false });
    expect((await ctx.admin.counters())[LIST]).toBe(3);
  });

  it("retries a read after a reset connection", async () => {
    await ctx.admin.addFault({ endpoint: LIST, kind: "reset", times: 1 });
    await expect(ctx.client().findEmployeeByEmail("a@example.com")).resolves.toBeNull();
    expect((await ctx.admin.counters())[LIST]).toBe(2);
  });
});

describe("Personio's rate-limit headers and 429s", () => {
  it.each(["x-ratelimit", "ietf"] as const)(
    "with %s headers saying no reads remain, the next read fails at once without calling Personio",
    async (style) => {
      await ctx.admin.setBehaviour({ rateLimitHeaders: style });
      await ctx.admin.setRateLimits({ employeesGet: { perMinute: 2 } });
      const client = ctx.client();
      await client.findEmployeeByEmail("a@example.com");
      await client.findEmployeeByEmail("b@example.com");
      const error = await failure(client.findEmployeeByEmail("c@example.com"));
      expect(error.code).toBe("rate_limited");
      expect(error.retryAfterSeconds).toBeGreaterThan(50);
      expect((await ctx.admin.counters())[LIST]).toBe(2);
      // Writes have their own budget: the hold is on reads only.
      await expect(client.createEmployee(alice)).resolves.toMatchObject({ id: expect.any(Number) });
    },
  );

  it("waits for a reset the client may wait for, instead of running into a 429", async () => {
    await ctx.admin.setBehaviour({ rateLimitHeaders: "x-ratelimit" });
    await ctx.admin.setRateLimits({ employeesGet: { perSecond: 1 } });
    const client = ctx.client({ retry: { maxRetries: 0, baseDelayMs: 10, maxDelayMs: 2_000 } });
    await client.findEmployeeByEmail("a@example.com");
    const startedAt = Date.now();
    await expect(client.findEmployeeByEmail("b@example.com")).resolves.toBeNull();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(500);
    expect((await ctx.admin.requests()).map((request) => request.status)).not.toContain(429);
  });

  it("tells the connection of every 429 with the kind of call and the wait Personio asked for", async () => {
    const events: unknown[] = [];
    await ctx.admin.addFault({ endpoint: CREATE, kind: "status", status: 429, retryAfterSeconds: 0, times: 1 });
    await ctx.admin.addFault({ endpoint: LIST, kind: "status", status: 429, times: 1 });
    const client = ctx.client({ onRateLimited: (event) => void events.push(event) });
    await expect(client.findEmployeeByEmail("a@example.com")).resolves.toBeNull();
    expect((await failure(client.createEmployee(alice))).code).toBe("rate_limited");
    expect(events).toEqual([
      { kind: "employee_read", retryAfterSeconds: undefined },
      { kind: "employee_write", retryAfterSeconds: 0 },
    ]);
  });

  it("holds reads after a 429's Retry-After: the next read fails at once, writes go on", async () => {
    await ctx.admin.addFault({ endpoint: LIST, kind: "status", status: 429, retryAfterSeconds: 30, times: 1 });
    const client = ctx.client();
    const first = await failure(client.findEmployeeByEmail(alice.email));
    expect(first).toMatchObject({ code: "rate_limited", retryAfterSeconds: 30 });
    const held = await failure(client.findEmployeeByEmail(alice.email));
    expect(held.code).toBe("rate_limited");
    expect(held.retryAfterSeconds).toBeGreaterThan(25);
    expect((await ctx.admin.counters())[LIST]).toBe(1);
    await expect(client.createEmployee(alice)).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("does not hold writes after a 429's Retry-After: the person who retries was told the wait", async () => {
    await ctx.admin.addFault({ endpoint: CREATE, kind: "status", status: 429, retryAfterSeconds: 30, times: 1 });
    const client = ctx.client();
    expect(await failure(client.createEmployee(alice))).toMatchObject({ code: "rate_limited", retryAfterSeconds: 30 });
    await expect(client.createEmployee(alice)).resolves.toMatchObject({ id: expect.any(Number) });
  });
});

describe("creates are never retried blindly", () => {
  it.each([
    [500, true],
    [502, true],
    [503, false],
  ])("a %i on create → unavailable, one attempt, outcomeUnknown %s", async (status, outcomeUnknown) => {
    await ctx.admin.addFault({ endpoint: CREATE, kind: "status", status, times: 1 });
    const error = await failure(ctx.client().createEmployee(alice));
    expect(error).toMatchObject({ code: "unavailable", outcomeUnknown });
    expect((await ctx.admin.counters())[CREATE]).toBe(1);
  });

  it("the employee is created but the response never arrives → connection_lost, outcomeUnknown, reconcilable by email", async () => {
    await ctx.admin.addFault({ endpoint: CREATE, kind: "lose-response", times: 1 });
    const client = ctx.client();
    const error = await failure(client.createEmployee(alice));
    expect(error).toMatchObject({ code: "connection_lost", outcomeUnknown: true });
    const stored = await ctx.admin.employees();
    expect(stored).toHaveLength(1);
    expect((await ctx.admin.counters())[CREATE]).toBe(1);
    await expect(client.findEmployeeByEmail(alice.email)).resolves.toEqual({
      id: stored[0]!.id,
      firstName: "Alice",
      lastName: "Example",
      position: "Engineer",
    });
  });

  it("a reset connection during create → connection_lost with outcomeUnknown, not repeated", async () => {
    await ctx.admin.addFault({ endpoint: CREATE, kind: "reset" });
    const error = await failure(ctx.client().createEmployee(alice));
    expect(error).toMatchObject({ code: "connection_lost", outcomeUnknown: true });
    expect((await ctx.admin.counters())[CREATE]).toBe(1);
  });
});

describe("timeouts", () => {
  it("a hung connection on create → timeout with outcomeUnknown", async () => {
    await ctx.admin.addFault({ endpoint: CREATE, kind: "hang" });
    const started = Date.now();
    const error = await failure(ctx.client({ timeoutMs: 200 }).createEmployee(alice));
    expect(error).toMatchObject({ code: "timeout", outcomeUnknown: true });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((await ctx.admin.counters())[CREATE]).toBe(1);
  });

  it("added latency beyond the timeout on a read → timeout, outcome known", async () => {
    await ctx.admin.addFault({ endpoint: "*", kind: "latency", latencyMs: 400 });
    const error = await failure(ctx.client({ timeoutMs: 150 }).findEmployeeByEmail("a@example.com"));
    expect(error).toMatchObject({ code: "timeout", outcomeUnknown: false });
  });

  it("added latency within the timeout → success", async () => {
    await ctx.admin.addFault({ endpoint: "*", kind: "latency", latencyMs: 50 });
    await expect(ctx.client({ timeoutMs: 1_000 }).createEmployee(alice)).resolves.toMatchObject({
      id: expect.any(Number),
    });
  });

  it("a hung auth call → timeout", async () => {
    await ctx.admin.addFault({ endpoint: "POST /v1/auth", kind: "hang" });
    expect((await failure(ctx.client({ timeoutMs: 150 }).authenticate())).code).toBe("timeout");
  });
});

describe("Personio unreachable", () => {
  it("connection refused → unavailable, outcome known", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
      });
    });
    const error = await failure(ctx.client({ baseUrl: `http://127.0.0.1:${port}` }).createEmployee(alice));
    expect(error).toMatchObject({ code: "unavailable", outcomeUnknown: false });
  });
});
