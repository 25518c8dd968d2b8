import {
  createTestCandidate,
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  test,
  uniqueSuffix,
} from "./fixtures";

// Nothing before the session check: every page answers a signed-out visitor with a redirect to
// sign-in that carries none of the data behind it (not in the HTML, not in the <title>, not in
// the React Server Components payload a client-side navigation asks for). A signed-in person
// whose role lacks the page gets a "no access" page that says so (status 403).

const PAGES = [
  "/candidates",
  "/candidates/{id}",
  "/candidates?q={prefix}",
  "/admin/users",
  "/admin/integrations",
  "/admin/integrations/personio",
  "/admin/integrations/personio/connect",
  "/admin/audit",
];

test.describe("page access", DATABASE_INDEPENDENT, () => {
  test("a signed-out visitor gets no candidate data from any page, however it is asked for", async ({ request }) => {
    const suffix = uniqueSuffix();
    const candidate = await createTestCandidate({
      firstName: "Quetzalli",
      lastName: `Leakcheck${suffix}`,
      notes: `private-note-${suffix}`,
      phone: "+49 30 5550199",
    });
    const secrets = [candidate.lastName, candidate.email, candidate.notes!, "5550199"];
    let responses = 0;
    for (const template of PAGES) {
      // A search that would find the candidate, without naming them in the request itself
      // (what the visitor sent is echoed in the redirect, which is no leak).
      const path = template.replace("{id}", candidate.id).replace("{prefix}", "Leakchec");
      // A prefetch answers with the route's outline only (no data, no redirect yet); the others redirect.
      for (const { headers, redirects } of [
        { headers: {}, redirects: true },
        { headers: { RSC: "1" }, redirects: true },
        { headers: { RSC: "1", "Next-Router-Prefetch": "1" }, redirects: false },
      ]) {
        // Next.js first sends a flight request to the same path with its cache-busting _rsc
        // parameter; that hop is followed, every answer on the way is checked.
        let url = path;
        let answer = "";
        for (let hop = 0; hop < 3; hop += 1) {
          const response = await request.get(url, { headers, maxRedirects: 0 });
          responses += 1;
          const where = `${url} ${JSON.stringify(headers)}`;
          const body = await response.text();
          for (const secret of secrets) expect(body, where).not.toContain(secret);
          expect(JSON.stringify(response.headers()), where).not.toContain(candidate.lastName);
          const location = response.headers().location ?? "";
          answer =
            response.status() === 307
              ? `307 ${location}`
              : `${response.status()} ${/NEXT_REDIRECT;[^"]*\/sign-in[^"]*/.exec(body)?.[0] ?? body.slice(0, 300)}`;
          if (response.status() !== 307 || !location.startsWith(`${url.split("?")[0]}?`)) break;
          url = location;
        }
        // Either a redirect to sign-in, or (for a flight request) the instruction to go there.
        if (redirects)
          expect(answer, `${path} ${JSON.stringify(headers)}`).toMatch(/^307 \/sign-in|^200 NEXT_REDIRECT;/);
      }
    }
    console.log(
      `signed out: ${responses} page requests (HTML, RSC, prefetch) → all redirected to sign-in, no candidate data in any`,
    );
  });

  test("the candidate's name is not the sign-in page's title after the redirect", async ({ page }) => {
    const candidate = await createTestCandidate({ firstName: "Ximena", lastName: `Titlecheck${uniqueSuffix()}` });
    await page.goto(`/candidates/${candidate.id}`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(page).toHaveTitle(/^Sign in/);
    expect(await page.content()).not.toContain(candidate.lastName);
  });

  test("a recruiter opening an admin page sees that they have no access, and it is recorded", async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    await signIn(page, recruiter);
    for (const path of ["/admin/users", "/admin/integrations", "/admin/integrations/personio", "/admin/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
      await expect(
        page.getByText("You are signed in, but your role (Recruiter) does not include this page."),
      ).toBeVisible();
      await expect(page.getByText("ask an admin to change your role")).toBeVisible();
      // Signed in: the app's header and navigation are still there, the admin page's content is not.
      // (the header names the person in its profile menu since issue 12)
      await expect(page.getByRole("button", { name: `Profile and settings of ${recruiter.name}` })).toBeVisible();
      expect(await page.content()).not.toContain("admin@handoff.test");
    }
    await page.getByRole("link", { name: "Go to candidates" }).click();
    await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();

    const refusals = await db.auditLog.findMany({
      where: { action: "access.denied", actorId: recruiter.id },
      orderBy: { at: "asc" },
    });
    expect(
      refusals.map((row) => [row.outcome, JSON.parse(row.details!).page, JSON.parse(row.details!).missingPermission]),
    ).toEqual([
      ["denied", "/admin/users", "users:manage"],
      ["denied", "/admin/integrations", "integrations:manage"],
      ["denied", "/admin/integrations/personio", "integrations:manage"],
      ["denied", "/admin/audit", "audit:read"],
    ]);
  });

  test("an admin finds failed sign-ins and refusals in the audit log's security view", async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: recruiter.email, password: "not-the-password", json: "true" },
    });

    const admin = await createTestUser("admin");
    await signIn(page, admin);
    await page.goto("/admin/audit?category=security&outcome=failure");
    const row = page.getByRole("row").filter({ hasText: recruiter.email });
    await expect(row).toContainText("Sign-in");
    await expect(row).toContainText("Visitor (not signed in)");
    await expect(row).toContainText("Wrong password"); // the audit log shows reasons as words since issue 12
    await expect(row).toContainText(`User: ${recruiter.name}`);
  });
});
