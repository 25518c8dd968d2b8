import { expect, type Page } from "@playwright/test";

import { accountLinkPath, createAccountToken } from "@/lib/users/account-tokens";

import { createTestUser, db, uniqueSuffix } from "./fixtures";

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

// An invited person without a password and their one-time link, written as the Users page's
// invitation writes them (only the token's SHA-256 is stored), for tests about the link itself.
export async function createInvitation(origin: string) {
  const suffix = uniqueSuffix();
  const inviter = await createTestUser("admin");
  const user = await db.user.create({
    data: { name: `Ingrid Sørensen ${suffix}`, email: `ingrid.${suffix}@e2e.handoff.test`, roleId: "recruiter" },
    select: { id: true, name: true, email: true },
  });
  const { token } = await createAccountToken(db, { userId: user.id, purpose: "INVITE", createdById: inviter.id });
  return { ...user, link: `${origin}${accountLinkPath(token)}` };
}
