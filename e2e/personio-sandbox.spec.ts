import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

import { expect, test } from "@playwright/test";

import { generateCredentialInSandbox } from "./personio";

const run = promisify(execFile);
const sandboxUrl = process.env.PERSONIO_SANDBOX_URL ?? "";
// Playwright runs from the repository root, where tsx and the client live.
const repoRoot = path.resolve(process.env.HANDOFF_REPO_ROOT ?? process.cwd());

type ProbeResult = { ok: boolean; code?: string; scopes?: string[] };

/** Calls the sandbox with the real Personio client (in a child process: the client is server-only). */
async function callPersonio(clientId: string, clientSecret: string): Promise<ProbeResult> {
  const input = JSON.stringify({ baseUrl: sandboxUrl, clientId, clientSecret });
  const { stdout } = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/support/personio-client-probe.ts", input],
    { cwd: repoRoot, timeout: 30_000 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ProbeResult;
}

test("a credential generated on the sandbox's screen works, fails while disabled, and works again", async ({
  page,
}) => {
  expect(sandboxUrl, "PERSONIO_SANDBOX_URL must point at a running sandbox").toMatch(/^http/);
  const name = `E2E credential ${Date.now()}`;
  let clientId = "";
  let clientSecret = "";

  await test.step("generate a credential with Employees read and write", async () => {
    ({ clientId, clientSecret } = await generateCredentialInSandbox(page, name));
  });

  await test.step("the client connects with it", async () => {
    const result = await callPersonio(clientId, clientSecret);
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
    expect(await callPersonio(clientId, clientSecret)).toMatchObject({ ok: false, code: "credentials_disabled" });
  });

  await test.step("re-enabled, the client works again", async () => {
    await page
      .getByRole("region", { name: `Credential ${name}` })
      .getByRole("button", { name: "Re-enable" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "Credential re-enabled." })).toBeVisible();
    expect(await callPersonio(clientId, clientSecret)).toMatchObject({ ok: true });
  });
});
