import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { request as playwrightRequest } from "@playwright/test";

import { verifyPassword } from "@/lib/auth/password";

import { expect, signInRequest, test } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";
import { callServerAction } from "../server-actions";

const run = promisify(execFile);
const ADMIN_PASSWORD = "Lindenblatt-Regen-2026";

// The app prints it just after it starts serving.
async function printedSetupToken(logs: () => string): Promise<string> {
  await expect
    .poll(() => /setup token: (\S+)/.exec(logs())?.[1], { timeout: 15_000, message: "a setup token in the server log" })
    .toBeTruthy();
  return /setup token: (\S+)/.exec(logs())![1]!;
}

// npm scripts as an operator runs them, with the password on standard input.
async function npmRun(
  script: string,
  args: string[],
  options: { databaseUrl: string; input?: string; env?: Record<string, string> },
) {
  const child = run("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, ...options.env },
    timeout: 120_000,
  });
  child.child.stdin?.end(options.input ?? "");
  return child.then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
    }),
  );
}

test("an empty production database: the setup page with the printed token makes the first admin, once", async ({
  browser,
}) => {
  const cluster = await startAppCluster({ name: "reliability-first-run", instances: 1, empty: true });
  try {
    const base = cluster.apps[0]!.url;
    expect(await cluster.db.role.count()).toBe(4); // from the migrations, with no seed
    const token = await printedSetupToken(cluster.logs);
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();

    await test.step("every way in leads to the setup page", async () => {
      await page.goto("/candidates");
      await expect(page).toHaveURL(/\/setup$/);
      await expect(page.getByRole("heading", { name: "Set up Handoff" })).toBeVisible();
    });

    const form = page.getByRole("main");
    await test.step("a wrong token is refused, and nobody is created", async () => {
      await form.getByLabel("Setup token").fill("not-the-printed-token");
      await form.getByLabel("Your name").fill("Henrike Voß");
      await form.getByLabel("Your email").fill("henrike.voss@example.com");
      await form.getByLabel("Password", { exact: true }).fill(ADMIN_PASSWORD);
      await form.getByLabel("Repeat the password").fill(ADMIN_PASSWORD);
      await form.getByRole("button", { name: "Create admin account" }).click();
      await expect(form.getByText("This setup token is not right.")).toBeVisible();
      expect(await cluster.db.user.count()).toBe(0);
    });

    await test.step("the printed token creates the admin, who is signed in and sent to connect Personio", async () => {
      await form.getByLabel("Setup token").fill(token);
      await form.getByRole("button", { name: "Create admin account" }).click();
      await expect(page).toHaveURL(/\/admin\/integrations$/);
      const users = await cluster.db.user.findMany({ select: { email: true, roleId: true, active: true } });
      expect(users).toEqual([{ email: "henrike.voss@example.com", roleId: "admin", active: true }]);
      expect(await cluster.db.installation.findUnique({ where: { id: "installation" } })).toMatchObject({
        setupBy: "setup-page",
      });
      expect(await cluster.db.auditLog.count({ where: { action: "installation.setup" } })).toBe(1);
    });

    await test.step("afterwards the setup page is gone and a second attempt is refused", async () => {
      const response = await page.goto("/setup");
      expect(response?.status()).toBe(404);
      const anonymous = await playwrightRequest.newContext({ baseURL: base });
      const { result } = await callServerAction(anonymous, {
        exportedName: "createFirstAdminAction",
        path: "/setup",
        input: {
          setupToken: token,
          name: "Second Admin",
          email: "second@example.com",
          password: "Kastanienbaum-Wind-77",
        },
      });
      expect((result as { serverError?: { reason?: string } }).serverError?.reason).toBe("already_set_up");
      expect(await cluster.db.user.count()).toBe(1);
      await anonymous.dispose();
    });
    await context.close();
    console.log("first run: setup page → 1 admin; wrong token and second attempt refused");
  } finally {
    await cluster.stop();
  }
});

test("two setups at the same moment, over two app processes, make exactly one admin", async () => {
  const cluster = await startAppCluster({ name: "reliability-first-run-race", instances: 2, empty: true });
  try {
    const token = await printedSetupToken(cluster.logs);
    const contexts = await Promise.all(cluster.apps.map((app) => playwrightRequest.newContext({ baseURL: app.url })));
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        callServerAction(contexts[index % 2]!, {
          exportedName: "createFirstAdminAction",
          path: "/setup",
          input: {
            setupToken: token,
            name: `Admin ${index}`,
            email: `admin${index}@example.com`,
            password: "Kastanienbaum-Wind-77",
          },
        }),
      ),
    );
    const results = attempts.map(
      ({ result }) => result as { data?: { email: string }; serverError?: { reason?: string } },
    );
    expect(results.filter((result) => result.data).length).toBe(1);
    expect(results.filter((result) => result.serverError?.reason === "already_set_up").length).toBe(7);
    expect(await cluster.db.user.count()).toBe(1);
    await Promise.all(contexts.map((context) => context.dispose()));
    console.log("first run: 8 simultaneous setups over 2 processes → 1 admin");
  } finally {
    await cluster.stop();
  }
});

test("npm run admin:create makes the first admin from the command line, once; demo data is refused in production", async () => {
  const cluster = await startAppCluster({ name: "reliability-admin-create", instances: 1, empty: true });
  try {
    const databaseUrl = cluster.databaseUrl;
    await test.step("demo data refuses a production database, and loads only with the demo-server flag", async () => {
      const refused = await npmRun("db:seed", [], { databaseUrl, env: { NODE_ENV: "production" } });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain("Refusing to load demo data: NODE_ENV is production.");
      expect(refused.output).toContain("npm run db:seed -- --demo-server");
      expect(await cluster.db.user.count()).toBe(0);
    });

    await test.step("a common password is refused", async () => {
      const weak = await npmRun("admin:create", ["--name", "Jörg Brandt", "--email", "joerg@example.com"], {
        databaseUrl,
        input: "password1234\n",
      });
      expect(weak.code).toBe(1);
      expect(weak.output).toContain("commonly used");
      expect(await cluster.db.user.count()).toBe(0);
    });

    await test.step("the first admin is created and can sign in", async () => {
      const created = await npmRun("admin:create", ["--name", "Jörg Brandt", "--email", "Joerg@Example.com"], {
        databaseUrl,
        input: `${ADMIN_PASSWORD}\n`,
      });
      expect(created.output).toContain("Created the first admin: Jörg Brandt <joerg@example.com>");
      expect(created.code).toBe(0);
      const admin = await cluster.db.user.findUniqueOrThrow({ where: { email: "joerg@example.com" } });
      expect(admin.roleId).toBe("admin");
      expect(await verifyPassword(ADMIN_PASSWORD, admin.passwordHash)).toBe(true);
      const context = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url, maxRedirects: 0 });
      await signInRequest(context, { email: "joerg@example.com" }, ADMIN_PASSWORD);
      expect((await context.get("/admin/users")).status()).toBe(200);
      expect((await context.get("/setup")).status()).toBe(404);
      await context.dispose();
    });

    await test.step("a second run is refused, and so is the demo data now, even with the flag", async () => {
      const again = await npmRun("admin:create", ["--name", "Someone Else", "--email", "else@example.com"], {
        databaseUrl,
        input: `${ADMIN_PASSWORD}\n`,
      });
      expect(again.code).toBe(1);
      expect(again.output).toContain("the first admin exists");
      const demo = await npmRun("db:seed", ["--demo-server"], { databaseUrl, env: { NODE_ENV: "production" } });
      expect(demo.output).toContain("Database already has users; demo data left as it is.");
      expect(await cluster.db.user.count()).toBe(1);
    });
    console.log(
      "first run: admin:create → 1 admin (common password and second run refused); demo data refused in production",
    );
  } finally {
    await cluster.stop();
  }
});
