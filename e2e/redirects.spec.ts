import { createTestUser, DATABASE_INDEPENDENT, expect, test, TEST_PASSWORD } from "./fixtures";

// Open-redirect tricks after sign-in, as they appear in a link (the query string exactly as
// typed): every one must land on this app's candidate list, and the browser must not so much as
// ask for another host.
const TRICKS = [
  "/%5Cevil.example/x",
  "/%09/evil.example",
  "//evil.example",
  "%2F%2Fevil.example",
  "https://evil.example",
  "https%3A%2F%2Fevil.example%2Fphish",
  "/%2F/evil.example",
  "/%5C/evil.example",
  "/%0A/evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/%255Cevil.example",
  "%5C%5Cevil.example",
  "javascript:alert(document.domain)",
  "http:evil.example",
];

test.describe("redirects after sign-in", DATABASE_INDEPENDENT, () => {
  for (const trick of TRICKS) {
    test(`callbackUrl=${trick} lands on /candidates`, async ({ page, baseURL }) => {
      const user = await createTestUser("interviewer");
      const foreign: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(baseURL!)) foreign.push(request.url());
      });
      await page.goto(`/sign-in?callbackUrl=${trick}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();
      expect(page.url()).toBe(`${baseURL}/candidates`);
      // Once signed in, the same link sends the browser straight on: also to the list.
      await page.goto(`/sign-in?callbackUrl=${trick}`);
      await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();
      expect(page.url()).toBe(`${baseURL}/candidates`);
      expect(foreign).toEqual([]);
    });
  }

  test("a path of this app is kept", async ({ page, baseURL }) => {
    const user = await createTestUser("interviewer");
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/candidates?stage=OFFER")}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${baseURL}/candidates?stage=OFFER`);
  });

  test("next-auth's own callback URL (form post without JavaScript) stays on this app", async ({
    request,
    baseURL,
  }) => {
    const user = await createTestUser("interviewer");
    for (const callbackUrl of [
      "https://evil.example/phish",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      `${baseURL}.evil.example/x`,
    ]) {
      const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: user.email, password: TEST_PASSWORD, callbackUrl },
        maxRedirects: 0,
      });
      expect(response.status(), callbackUrl).toBe(302);
      expect(response.headers().location, callbackUrl).toBe(`${baseURL}/candidates`);
    }
  });
});
