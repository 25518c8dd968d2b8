import { expect, type Page } from "@playwright/test";

import { createSandboxAdmin } from "@/scripts/personio-sandbox/admin-client";

// The sandbox the app under test talks to (started by scripts/e2e-server.ts).
export const sandbox = createSandboxAdmin(process.env.PERSONIO_SANDBOX_URL!);

export async function sandboxEmployeesWithEmail(email: string) {
  return (await sandbox.employees()).filter((employee) => employee.email.toLowerCase() === email.toLowerCase());
}

export async function openSendDialog(page: Page, candidateId: string) {
  await page.goto(`/candidates/${candidateId}`);
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Send to Personio" }).click();
  const dialog = page.getByRole("dialog", { name: "Send to Personio" });
  await expect(dialog).toBeVisible();
  return dialog;
}

export type SandboxCredential = { clientId: string; clientSecret: string };

// Generates a credential with Employees read and write on the sandbox's own settings page, as an
// admin does in Personio, and reads the once-shown client ID and secret off the page.
export async function generateCredentialInSandbox(page: Page, name: string): Promise<SandboxCredential> {
  await page.goto(`${process.env.PERSONIO_SANDBOX_URL}/settings/api-credentials`);
  const generate = page.getByRole("region", { name: "Generate new credential" });
  await generate.getByLabel("Name", { exact: true }).fill(name);
  await generate.getByLabel("Integration").selectOption("Handoff");
  await generate.getByLabel("Employees: Read", { exact: true }).check();
  await generate.getByLabel("Employees: Write", { exact: true }).check();
  await generate.getByRole("button", { name: "Generate" }).click();
  const clientId = (await page.getByRole("status", { name: "Client ID" }).textContent())?.trim() ?? "";
  const clientSecret = (await page.getByRole("status", { name: "Client secret" }).textContent())?.trim() ?? "";
  expect(clientId).toMatch(/\S/);
  expect(clientSecret).toMatch(/\S/);
  return { clientId, clientSecret };
}
