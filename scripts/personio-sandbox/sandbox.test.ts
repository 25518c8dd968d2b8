import { describe, expect, it } from "vitest";

import { setupSandbox, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/e2e/support/personio-sandbox-vitest";

const ctx = setupSandbox();

async function token(): Promise<string> {
  const response = await fetch(`${ctx.sandbox.url}/v1/auth`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: TEST_CLIENT_ID, client_secret: TEST_CLIENT_SECRET }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}

function form(fields: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of ([] as string[]).concat(value)) params.append(key, v);
  return params;
}

describe("sandbox: Personio API behaviour", () => {
  it("refuses credentials in the query string and keeps one stable token per credential", async () => {
    const query = await fetch(
      `${ctx.sandbox.url}/v1/auth?client_id=${TEST_CLIENT_ID}&client_secret=${TEST_CLIENT_SECRET}`,
      { method: "POST" },
    );
    expect(query.status).toBe(403);
    expect(await token()).toBe(await token());
  });

  it("enforces limit ≤ 100 and paginates with offset", async () => {
    const bearer = { authorization: `Bearer ${await token()}` };
    await ctx.admin.seedEmployees(
      Array.from({ length: 3 }, (_, i) => ({ firstName: "E", lastName: `${i}`, email: `e${i}@example.com` })),
    );
    expect((await fetch(`${ctx.sandbox.url}/v1/company/employees?limit=101`, { headers: bearer })).status).toBe(400);
    const page = (await (
      await fetch(`${ctx.sandbox.url}/v1/company/employees?limit=2&offset=2`, { headers: bearer })
    ).json()) as {
      metadata: { total_elements: number; current_page: number; total_pages: number };
      data: unknown[];
    };
    expect(page.metadata).toEqual({ total_elements: 3, current_page: 1, total_pages: 2 });
    expect(page.data).toHaveLength(1);
  });

  it("returns only the attributes the credential may read", async () => {
    await ctx.admin.updateCredential(TEST_CLIENT_ID, { readableAttributes: ["first_name"] });
    await ctx.admin.seedEmployees([{ firstName: "Ann", lastName: "B", email: "ann@example.com" }]);
    const bearer = { authorization: `Bearer ${await token()}` };
    const body = (await (await fetch(`${ctx.sandbox.url}/v1/company/employees`, { headers: bearer })).json()) as {
      data: Array<{ attributes: Record<string, unknown> }>;
    };
    expect(Object.keys(body.data[0]!.attributes).sort()).toEqual(["first_name", "id"]);
  });

  it("locks the auth endpoint for the cool-down after the limit", async () => {
    await ctx.admin.setRateLimits({ auth: { perMinute: 1, cooldownSeconds: 30 } });
    await token();
    const limited = await fetch(`${ctx.sandbox.url}/v1/auth`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    await ctx.admin.setBehaviour({ retryAfterOn429: false });
    await ctx.admin.setRateLimits({ auth: { perMinute: 1 } });
    await token();
    const bare = await fetch(`${ctx.sandbox.url}/v1/auth`, { method: "POST", body: "" });
    expect(bare.status).toBe(429);
    expect(bare.headers.get("retry-after")).toBeNull();
  });

  it("counts requests per endpoint, applies faults a limited number of times, and resets", async () => {
    await ctx.admin.addFault({ endpoint: "POST /v1/auth", kind: "status", status: 500, times: 1 });
    expect((await fetch(`${ctx.sandbox.url}/v1/auth`, { method: "POST" })).status).toBe(500);
    await token();
    expect(await ctx.admin.counters()).toEqual({ "POST /v1/auth": 2 });
    await expect(ctx.admin.addFault({ kind: "status", status: 200 })).rejects.toThrow(/4xx\/5xx/);
    await ctx.admin.reset();
    expect(await ctx.admin.counters()).toEqual({});
  });
});

describe("sandbox: credentials screen and staff pages", () => {
  it("generates a credential showing the secret once, then updates, disables, re-enables and removes it", async () => {
    const page = `${ctx.sandbox.url}/settings/api-credentials`;
    const created = await fetch(page, {
      method: "POST",
      body: form({
        name: "HR <script>",
        integration: "Handoff",
        employees_read: "on",
        employees_write: "on",
        attributes: ["email", "first_name"],
      }),
    });
    const html = await created.text();
    const secret = /aria-label="Client secret">([^<]+)</.exec(html)?.[1];
    const clientId = /aria-label="Client ID">([^<]+)</.exec(html)?.[1];
    expect(secret && clientId).toBeTruthy();
    expect(html).toContain("HR &lt;script&gt;");
    expect(html).not.toContain("HR <script>");
    const listing = await (await fetch(page)).text();
    expect(listing).not.toContain(secret!);
    const stored = ctx.sandbox.state.credentials.get(clientId!)!;
    expect(stored.permissions.employees).toEqual({ read: true, write: true });
    expect(stored.readableAttributes).toEqual(["email", "first_name"]);

    const action = (name: string, body?: URLSearchParams) =>
      fetch(`${page}/${encodeURIComponent(clientId!)}/${name}`, { method: "POST", body, redirect: "manual" });
    expect((await action("update", form({ name: "Renamed", documents_read: "on" }))).status).toBe(303);
    expect(stored).toMatchObject({
      name: "Renamed",
      permissions: { employees: { read: false, write: false }, documents: { read: true, write: false } },
    });
    await action("disable");
    expect(stored.status).toBe("disabled");
    await action("enable");
    expect(stored.status).toBe("active");
    await action("remove");
    expect(await (await fetch(page)).text()).not.toContain(clientId!);
  });

  it("lists employees and shows each at /staff/details/{id}", async () => {
    const [employee] = await ctx.admin.seedEmployees([
      { firstName: "Zoë", lastName: "<b>Bold</b>", email: "zoe@example.com", position: "Designer" },
    ]);
    const staff = await (await fetch(`${ctx.sandbox.url}/staff`)).text();
    expect(staff).toContain(`href="/staff/details/${employee!.id}"`);
    expect(staff).toContain("&lt;b&gt;Bold&lt;/b&gt;");
    const details = await fetch(`${ctx.sandbox.url}/staff/details/${employee!.id}`);
    expect(details.status).toBe(200);
    expect(await details.text()).toContain("zoe@example.com");
    expect((await fetch(`${ctx.sandbox.url}/staff/details/424242`)).status).toBe(404);
  });
});
