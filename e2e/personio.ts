import { expect, type Page } from "@playwright/test";

import { createSandboxAdmin } from "@/lib/personio-sandbox/admin-client";

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
