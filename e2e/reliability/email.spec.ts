// Email end to end: an app process of its own with SMTP settings, sending to a real SMTP server
// started here (smtp-server); what arrives is read with mailparser. The shared E2E server keeps
// email off, as an installation without SMTP does.
import type { Browser } from "@playwright/test";

import { fillNewPassword } from "../accounts";
import { createTestUser, DATABASE_INDEPENDENT, expect, signIn, test, TEST_PASSWORD, uniqueSuffix } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";

let smtp: SmtpTestServer;
let cluster: AppCluster;

test.beforeAll(async () => {
  smtp = await startSmtpTestServer();
  cluster = await startAppCluster({
    name: "reliability-email",
    instances: 1,
    env: {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_SECURITY: "none",
      SMTP_FROM: "Handoff <handoff@e2e.handoff.test>",
    },
  });
});

test.afterAll(async () => {
  await cluster?.stop();
  await smtp?.stop();
});

const LINK = /https?:\/\/[^\s]+\/set-password\/[A-Za-z0-9_-]{43}/;

function linkIn(text: string | undefined) {
  const link = LINK.exec(text ?? "")?.[0];
  expect(link, "a one-time link in the email's text").toBeTruthy();
  return link!;
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: cluster.apps[0]!.url });
  return { context, page: await context.newPage() };
}

test(
  "an admin invites someone: the invitation arrives, and its link sets the password and signs in",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const admin = await createTestUser("admin", { client: cluster.db });
    const name = `Małgorzata Wójcik ${uniqueSuffix()}`;
    const email = `invited.${uniqueSuffix()}@e2e.handoff.test`;
    const { context, page } = await newPage(browser);
    await signIn(page, admin);

    await test.step("the admin invites: the link is shown to copy and also emailed", async () => {
      await page.goto("/admin/users?invite=1");
      const form = page.getByRole("region", { name: "Invite someone" });
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("Email").fill(email);
      await form.getByRole("button", { name: "Create invitation link" }).click();
      await expect(form.getByRole("status")).toHaveText(`${name} was invited. Send them this link:`);
      await expect(form.getByText(`The link was also emailed to ${name}.`)).toBeVisible();
    });

    const arrived = await smtp.waitFor(email);
    await test.step("the invitation arrives once, in both parts, from the outbox", async () => {
      expect(arrived.parsed.subject).toBe("Your invitation to Handoff");
      expect(arrived.parsed.to && "value" in arrived.parsed.to ? arrived.parsed.to.value : []).toEqual([
        { name, address: email },
      ]);
      expect(arrived.parsed.html).toContain("Set your password");
      await expect
        .poll(async () => (await cluster.db.outboxMessage.findFirst({ where: { recipient: email } }))?.status)
        .toBe("SENT");
      expect(smtp.received.filter((message) => message.envelopeTo.includes(email))).toHaveLength(1);
    });

    await test.step("the link in the email sets the password and signs in", async () => {
      const invited = await newPage(browser);
      await invited.page.goto(linkIn(arrived.parsed.text));
      await expect(invited.page.getByRole("heading", { name: "Welcome to Handoff" })).toBeVisible();
      await fillNewPassword(invited.page, TEST_PASSWORD);
      await invited.page.getByRole("button", { name: "Save password and sign in" }).click();
      await expect(invited.page).toHaveURL(/\/candidates$/);
      await expect(invited.page.getByRole("button", { name: `Profile and settings of ${name}` })).toBeVisible();
      await invited.context.close();
    });
    await context.close();
  },
);

test(
  "Forgot password?: one answer for a known and an unknown address, one email, a one-hour link that ends every session",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const person = await createTestUser("recruiter", { client: cluster.db });
    const unknown = `nobody.${uniqueSuffix()}@e2e.handoff.test`;
    const signedIn = await newPage(browser);
    await signIn(signedIn.page, person);

    const ask = async (address: string) => {
      const { context, page } = await newPage(browser);
      await page.goto("/sign-in");
      await page.getByRole("link", { name: "Forgot password?" }).click();
      await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
      await page.getByLabel("Email").fill(address);
      await page.getByRole("button", { name: "Email me a link" }).click();
      const answer = await page.getByRole("status").innerText();
      await context.close();
      return answer.replace(address, "ADDRESS");
    };

    let arrivedLink = "";
    await test.step("the same answer for both; one email, to the account's address only", async () => {
      const forUnknown = await ask(unknown);
      const forKnown = await ask(person.email);
      expect(forKnown).toBe(forUnknown);
      expect(forKnown).toContain("If ADDRESS belongs to an account");
      const arrived = await smtp.waitFor(person.email);
      expect(arrived.parsed.subject).toBe("Reset your Handoff password");
      arrivedLink = linkIn(arrived.parsed.text);
      expect(smtp.received.filter((message) => message.envelopeTo.includes(person.email))).toHaveLength(1);
      expect(smtp.received.some((message) => message.envelopeTo.includes(unknown))).toBe(false);
      expect(await cluster.db.outboxMessage.count({ where: { recipient: unknown } })).toBe(0);
    });

    await test.step("the link works for one hour", async () => {
      const token = await cluster.db.accountToken.findFirstOrThrow({
        where: { userId: person.id, usedAt: null },
        select: { purpose: true, expiresAt: true, createdAt: true },
      });
      expect(token.purpose).toBe("RESET");
      expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBeGreaterThan(59 * 60_000);
      expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1_000);
    });

    await test.step("the link sets a new password and signs in; the earlier session has ended", async () => {
      const { context, page } = await newPage(browser);
      await page.goto(arrivedLink);
      await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
      await fillNewPassword(page, "Lindenblatt-Regen-2026-neu");
      await page.getByRole("button", { name: "Save password and sign in" }).click();
      await expect(page).toHaveURL(/\/candidates$/);
      await context.close();
      await signedIn.page.goto("/candidates");
      await expect(signedIn.page).toHaveURL(/\/sign-in/);
      await signedIn.context.close();
    });
  },
);

test(
  "the Email page: the settings without the password, a test email through the outbox, the outbox list",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const admin = await createTestUser("admin", { client: cluster.db });
    const { context, page } = await newPage(browser);
    await signIn(page, admin);
    await page.goto("/admin/email");
    await expect(page.getByRole("heading", { name: "Email", level: 1 })).toBeVisible();
    const settings = page.getByRole("region", { name: "SMTP settings" });
    await expect(settings).toContainText("Email is on.");
    await expect(settings).toContainText(`127.0.0.1:${smtp.port}`);
    await expect(settings).toContainText("Handoff <handoff@e2e.handoff.test>");

    const to = `test.${uniqueSuffix()}@e2e.handoff.test`;
    await settings.getByLabel("Send a test email to").fill(to);
    await settings.getByRole("button", { name: "Send a test email" }).click();
    await expect(settings.getByRole("status")).toContainText(`A test email to ${to} is in the outbox.`);
    const arrived = await smtp.waitFor(to);
    expect(arrived.parsed.subject).toBe("Test email from Handoff");

    await expect
      .poll(async () => (await cluster.db.outboxMessage.findFirst({ where: { recipient: to } }))?.status)
      .toBe("SENT");
    await page.reload();
    const row = page.getByRole("region", { name: "Outbox" }).getByRole("row", { name: new RegExp(to) });
    await expect(row).toContainText("Test email from Handoff");
    await expect(row).toContainText("Sent");
    await context.close();
  },
);
