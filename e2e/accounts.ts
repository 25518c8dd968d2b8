import { expect, type Page } from "@playwright/test";

// The one-time link (invitation or reset) shown to the admin, read from its field.
export async function shownLink(page: Page, name: string): Promise<string> {
  const field = page.getByRole("textbox", { name: `One-time link for ${name}` });
  await expect(field).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  return field.inputValue();
}

// Fills the new-password fields of the set-password, setup or account forms.
export async function fillNewPassword(page: Page, password: string, label = "New password") {
  await page.getByLabel(label, { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
}
