import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

import { DATABASE_INDEPENDENT, expect, test } from "./fixtures";
import { generateCredentialInSandbox } from "./personio";

const sandboxUrl = process.env.PERSONIO_SANDBOX_URL ?? "";
// Playwright runs from the repository root, where tsx and the client live.
const repoRoot = path.resolve(process.env.HANDOFF_REPO_ROOT ?? process.cwd());
const PROBE_PREFIX = "probe: ";

type ProbeResult = { ok: boolean; code?: string; scopes?: string[] };

/**
 * The real Personio client in a child process (the client is server-only), started once for the
 * test and asked once per step: starting Node and loading the client is the slow part, so it is
 * paid once, not at every call.
 */
function startPersonioProbe() {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/support/personio-client-probe.ts"],
    { cwd: repoRoot, stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async call(clientId: string, clientSecret: string): Promise<ProbeResult> {
      child.stdin.write(`${JSON.stringify({ baseUrl: sandboxUrl, clientId, clientSecret })}\n`);
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        const line = next.value as string;
        if (line.startsWith(PROBE_PREFIX)) return JSON.parse(line.slice(PROBE_PREFIX.length)) as ProbeResult;
      }
      throw new Error(`The Personio probe ended without an answer (exit code ${child.exitCode})`);
    },
    close() {
      child.stdin.end();
      setTimeout(() => child.kill(), 5_000).unref();
    },
  };
}

test(
  "a credential generated on the sandbox's screen works, fails while disabled, and works again",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    expect(sandboxUrl, "PERSONIO_SANDBOX_URL must point at a running sandbox").toMatch(/^http/);
    const name = `E2E credential ${Date.now()}`;
    let clientId = "";
    let clientSecret = "";
    // Started now: it loads while the browser generates the credential.
    const probe = startPersonioProbe();
    try {
      await test.step("generate a credential with Employees read and write", async () => {
        ({ clientId, clientSecret } = await generateCredentialInSandbox(page, name));
      });

      await test.step("the client connects with it", async () => {
        const result = await probe.call(clientId, clientSecret);
        expect(result).toMatchObject({ ok: true });
        expect(result.scopes).toEqual(expect.arrayContaining(["employees:read", "employees:write"]));
      });

      await test.step("the secret is not shown again", async () => {
        await page.goto(`${sandboxUrl}/settings/api-credentials`);
        await expect(page.getByRole("region", { name: `Credential ${name}` })).toBeVisible();
        await expect(page.getByText(clientSecret)).toHaveCount(0);
      });

      await test.step("disabled in the screen, the client fails with credentials_disabled", async () => {
        await page
          .getByRole("region", { name: `Credential ${name}` })
          .getByRole("button", { name: "Disable" })
          .click();
        await expect(page.getByRole("status").filter({ hasText: "Credential disabled." })).toBeVisible();
        await expect(page.getByRole("region", { name: `Credential ${name}` })).toContainText("Disabled");
        expect(await probe.call(clientId, clientSecret)).toMatchObject({ ok: false, code: "credentials_disabled" });
      });

      await test.step("re-enabled, the client works again", async () => {
        await page
          .getByRole("region", { name: `Credential ${name}` })
          .getByRole("button", { name: "Re-enable" })
          .click();
        await expect(page.getByRole("status").filter({ hasText: "Credential re-enabled." })).toBeVisible();
        expect(await probe.call(clientId, clientSecret)).toMatchObject({ ok: true });
      });
    } finally {
      probe.close();
    }
  },
);
