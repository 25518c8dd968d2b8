import type { Page } from "@playwright/test";

// The admin area's pages a signed-in person is offered (issue 24): the top bar's Settings entry,
// then the links of the settings sidebar; none when the person has no Settings entry at all.
export async function offeredSettingsPages(page: Page): Promise<string[]> {
  await page.goto("/candidates");
  const settings = page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" });
  if ((await settings.count()) === 0) return [];
  await settings.click();
  const sidebar = page.getByRole("navigation", { name: "Settings" });
  await sidebar.waitFor();
  return sidebar.getByRole("link").allTextContents();
}

// Opens one settings page the way a person does: Settings in the top bar, then the sidebar.
export async function openSettingsPage(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name }).click();
}
