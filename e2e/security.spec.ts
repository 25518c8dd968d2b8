import type { Page } from "@playwright/test";

import {
  createTestCandidate,
  createTestUser,
  DATABASE_INDEPENDENT,
  expect,
  signIn,
  test,
  TEST_PASSWORD,
  uniqueSuffix,
} from "./fixtures";

test.describe("security", () => {
  // Six sign-ins through the form each, a page load and a password check apiece: one test per
  // kind of account, so neither runs long on a loaded machine.
  const signInThroughTheForm = async (page: Page, email: string, password: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    return page.getByRole("main").getByRole("alert");
  };
  const wrong = "Wrong email or password. Check both and try again.";
  const blocked = "Too many sign-in attempts. Wait a minute and try again.";

  test(
    "repeated wrong passwords are slowed down, and even the right one waits",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const user = await createTestUser("recruiter");
      for (let index = 0; index < 5; index += 1) {
        await expect(await signInThroughTheForm(page, user.email, "wrong-password")).toHaveText(wrong);
      }
      await expect(await signInThroughTheForm(page, user.email, "wrong-password")).toHaveText(blocked);
      await expect(await signInThroughTheForm(page, user.email, TEST_PASSWORD)).toHaveText(blocked);
    },
  );

  test("an unknown account is slowed down the same way", DATABASE_INDEPENDENT, async ({ page }) => {
    const email = `nobody.${uniqueSuffix()}@e2e.handoff.test`;
    for (let index = 0; index < 5; index += 1) {
      await expect(await signInThroughTheForm(page, email, "wrong-password")).toHaveText(wrong);
    }
    await expect(await signInThroughTheForm(page, email, "wrong-password")).toHaveText(blocked);
  });

  test(
    "pages carry a nonce-based CSP and the other security headers, and run under them",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const user = await createTestUser("admin");
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });

      const response = await page.goto("/sign-in");
      const headers = response!.headers();
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      // Served over plain http on loopback (NEXTAUTH_URL http://localhost): no HSTS, which would
      // pin the browser to an https this server does not speak (reliability/secure-cookies covers https).
      expect(headers["strict-transport-security"]).toBeUndefined();

      // The sign-in form only works if the page's scripts ran despite the policy.
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();
      await page.getByRole("link", { name: "Settings" }).click();
      await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Integrations" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(violations).toEqual([]);
    },
  );

  test("the session cookie is HttpOnly and SameSite=Lax", DATABASE_INDEPENDENT, async ({ page }) => {
    const user = await createTestUser("interviewer");
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: TEST_PASSWORD, json: "true" },
    });
    const sessionCookie = response
      .headersArray()
      .find((header) => header.name.toLowerCase() === "set-cookie" && header.value.includes("session-token"));
    expect(sessionCookie?.value).toMatch(/HttpOnly/i);
    expect(sessionCookie?.value).toMatch(/SameSite=Lax/i);
  });

  test(
    "a signed-out request for a profile carries no candidate name, not even in <title>",
    DATABASE_INDEPENDENT,
    async ({ page, playwright, baseURL }) => {
      const candidate = await createTestCandidate({ firstName: "Rosalind", lastName: `Untitled-${uniqueSuffix()}` });
      const signedOut = await playwright.request.newContext({ baseURL });
      try {
        for (const maxRedirects of [0, 10]) {
          const response = await signedOut.get(`/candidates/${candidate.id}`, { maxRedirects });
          const body = await response.text();
          expect(body).not.toContain(candidate.lastName);
        }
      } finally {
        await signedOut.dispose();
      }
      // The same page for someone who may read it names the candidate in its title.
      await signIn(page, await createTestUser("recruiter"));
      await page.goto(`/candidates/${candidate.id}`);
      await expect(page).toHaveTitle(new RegExp(`Rosalind ${candidate.lastName}`));
    },
  );
});
