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
import { openSendDialog, sandbox, sandboxEmployeesWithEmail } from "./personio";
import { callServerAction } from "./server-actions";

test.describe("send to Personio", () => {
  test("a recruiter corrects the last name and sends; the badge shows who and when and links to the employee", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter", { name: `Jonas Recruiter ${uniqueSuffix()}` });
    const candidate = await createTestCandidate({ firstName: "Anaïs", lastName: "Lefebvre-Typo", stage: "HIRED" });
    const corrected = `Lefèvre-${uniqueSuffix()}`;
    await signIn(page, recruiter);

    const dialog = await test.step("the review form opens prefilled", async () => {
      const dialog = await openSendDialog(page, candidate.id);
      await expect(dialog.getByLabel("First name")).toHaveValue("Anaïs");
      await expect(dialog.getByLabel("Last name")).toHaveValue("Lefebvre-Typo");
      await expect(dialog.getByLabel("Email")).toHaveValue(candidate.email);
      const job = await db.job.findUniqueOrThrow({ where: { id: candidate.jobId } });
      await expect(dialog.getByLabel("Job title")).toHaveValue(job.title);
      await expect(dialog.getByText("A profile can be sent to Personio only once.")).toBeVisible();
      return dialog;
    });

    await test.step("validation as you type, and the preview shows what will be sent", async () => {
      await dialog.getByLabel("Last name").fill("   ");
      await expect(dialog.getByText("Required.")).toBeVisible();
      await dialog.getByLabel("Last name").fill(`  ${corrected} `);
      await expect(dialog.getByText("Required.")).toHaveCount(0);
      await expect(dialog.getByTestId("preview-lastName")).toHaveText(corrected);
    });

    const sentAt = Date.now();
    await test.step("send", async () => {
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    });

    const [employee, ...others] = await sandboxEmployeesWithEmail(candidate.email);
    await test.step("a done state: what was created, the Personio id and a link to the employee; focus on the outcome", async () => {
      await expect(dialog.getByRole("heading", { name: `Anaïs ${corrected} is in Personio` })).toBeVisible();
      await expect(dialog.getByTestId("personio-employee-id")).toHaveText(String(employee!.id));
      await expect(dialog.getByRole("link", { name: /Open in Personio/ })).toHaveAttribute(
        "href",
        `${process.env.PERSONIO_SANDBOX_URL}/staff/details/${employee!.id}`,
      );
      await expect(dialog.getByTestId("send-done")).toBeFocused();
      // The form is gone: no "Check and correct", no Send button left to press.
      await expect(dialog.getByRole("button", { name: "Send" })).toHaveCount(0);
      await expect(dialog.getByText("Check and correct the details")).toHaveCount(0);
    });

    await test.step("the sandbox holds exactly one employee with the corrected values", async () => {
      expect(others).toHaveLength(0);
      expect(employee).toMatchObject({ first_name: "Anaïs", last_name: corrected, email: candidate.email });
      const handoff = await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      expect(handoff).toMatchObject({ status: "SENT", personioEmployeeId: employee!.id, sentById: recruiter.id });
      expect(JSON.parse(handoff.sentFields!)).toMatchObject({ lastName: corrected });
    });

    await test.step("the badge shows the recruiter and the time, and one click opens the employee in a new tab", async () => {
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(page.getByRole("button", { name: "More" })).toBeFocused();
      const badge = page.getByRole("main").getByRole("link", { name: /^Personio/ });
      const employeeUrl = `${process.env.PERSONIO_SANDBOX_URL}/staff/details/${employee!.id}`;
      await expect(badge).toHaveAccessibleName("Personio (opens in a new tab)");
      await badge.hover();
      const tooltip = page.getByRole("tooltip");
      await expect(tooltip).toBeVisible();
      await expect(tooltip).toContainText(`Sent to Personio by ${recruiter.name} on`);
      const time = new Intl.DateTimeFormat("en", { timeStyle: "short", timeZone: "Europe/Berlin" }).format(sentAt);
      const minuteLater = new Intl.DateTimeFormat("en", { timeStyle: "short", timeZone: "Europe/Berlin" }).format(
        sentAt + 60_000,
      );
      const who = new RegExp(`Sent to Personio by ${recruiter.name} on .*(${time}|${minuteLater})`);
      await expect(badge).toHaveAccessibleDescription(who);
      // Written out beside the badge too, and in the Personio panel.
      await expect(page.getByTestId("personio-sent-by")).toHaveText(who);
      const panel = page.getByRole("region", { name: "Personio", exact: true });
      await expect(panel.getByTestId("personio-panel-status")).toHaveText("Sent to Personio");
      await expect(panel.getByTestId("personio-panel-by")).toHaveText(recruiter.name);
      await expect(panel.getByTestId("personio-panel-employee-id")).toHaveText(String(employee!.id));
      await expect(panel.getByRole("link", { name: /^Open in Personio/ })).toHaveAttribute("href", employeeUrl);
      // One click: the employee's page in a new tab, and no tooltip left behind.
      const [tab] = await Promise.all([page.context().waitForEvent("page"), badge.click()]);
      await tab.waitForLoadState("domcontentloaded");
      expect(tab.url()).toBe(employeeUrl);
      await tab.close();
      await expect(page).toHaveURL(`/candidates/${candidate.id}`);
      await expect(tooltip).toBeHidden();
    });

    await test.step("More's item now says who sent the profile and when", async () => {
      const more = page.getByRole("button", { name: "More" });
      await more.click();
      const item = page.getByRole("menuitem", { name: /Send to Personio/ });
      await expect(item).toHaveAttribute("aria-disabled", "true");
      await expect(item).toHaveAccessibleDescription(new RegExp(`^Already sent by ${recruiter.name} on `));
      await item.click({ force: true });
      await expect(page.getByRole("dialog")).toHaveCount(0);
    });

    await test.step("the badge is on the candidate's row in the list too: one click opens the employee", async () => {
      // The profile keeps its own data; only Personio got the corrected name.
      await page.goto(`/candidates?q=${encodeURIComponent(candidate.email)}`);
      const row = page.getByRole("row", { name: new RegExp(`Anaïs ${candidate.lastName}`) });
      const badge = row.getByRole("link", { name: /^Personio/ });
      await expect(badge).toHaveAccessibleDescription(new RegExp(`^Sent to Personio by ${recruiter.name} on `));
      const [tab] = await Promise.all([page.context().waitForEvent("page"), badge.click()]);
      await tab.waitForLoadState("domcontentloaded");
      expect(tab.url()).toBe(`${process.env.PERSONIO_SANDBOX_URL}/staff/details/${employee!.id}`);
      await tab.close();
    });

    await test.step("the sandbox's employee page is where the badge leads", async () => {
      await page.goto(`${process.env.PERSONIO_SANDBOX_URL}/staff/details/${employee!.id}`);
      await expect(page.getByText(corrected).first()).toBeVisible();
    });

    const audit = await db.auditLog.findMany({ where: { targetId: candidate.id, action: "handoff.send" } });
    expect(audit.map((entry) => entry.outcome)).toEqual(["success"]);
  });

  test("closing the review form (Escape, Cancel) puts focus back on More", DATABASE_INDEPENDENT, async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate();
    await signIn(page, recruiter);
    const more = page.getByRole("button", { name: "More" });

    let dialog = await openSendDialog(page, candidate.id);
    await dialog.getByLabel("First name").focus();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(more).toBeFocused();

    await more.click();
    await page.getByRole("menuitem", { name: "Send to Personio" }).click();
    dialog = page.getByRole("dialog", { name: "Send to Personio" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(more).toBeFocused();
    expect(await db.handoff.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  test(
    "the review form is read once: opening it again on the same page asks the server nothing",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const recruiter = await createTestUser("recruiter");
      const candidate = await createTestCandidate({ firstName: "Ines" });
      await signIn(page, recruiter);
      // Server actions are POSTs with a Next-Action header; reading the review form is one.
      const actionCalls: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.headers()["next-action"]) actionCalls.push(request.url());
      });

      let dialog = await openSendDialog(page, candidate.id);
      await expect(dialog.getByLabel("First name")).toHaveValue("Ines");
      expect(actionCalls).toHaveLength(1);
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toHaveCount(0);

      await page.getByRole("button", { name: "More" }).click();
      await page.getByRole("menuitem", { name: "Send to Personio" }).click();
      dialog = page.getByRole("dialog", { name: "Send to Personio" });
      await expect(dialog.getByLabel("First name")).toHaveValue("Ines");
      expect(actionCalls).toHaveLength(1);
    },
  );

  test("a double click on Send creates one employee", async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate();
    await signIn(page, recruiter);
    const dialog = await openSendDialog(page, candidate.id);
    await dialog.getByRole("button", { name: "Send" }).dblclick();
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { targetId: candidate.id, action: "handoff.send", outcome: "success" } }),
    ).toBe(1);
  });

  test("the same candidate sent from two browsers at once: one employee, the other told it was already sent", async ({
    browser,
  }) => {
    const candidate = await createTestCandidate();
    const people = await Promise.all([createTestUser("recruiter"), createTestUser("admin")]);
    const contexts = await Promise.all(people.map(() => browser.newContext()));
    const pages = await Promise.all(contexts.map((context) => context.newPage()));
    await Promise.all(pages.map((page, index) => signIn(page, people[index]!)));
    const dialogs = await Promise.all(pages.map((page) => openSendDialog(page, candidate.id)));

    await Promise.all(dialogs.map((dialog) => dialog.getByRole("button", { name: "Send" }).click()));
    const outcomes = await Promise.all(
      dialogs.map(async (dialog) => {
        const message = dialog.getByRole("status");
        await expect(message).toHaveText(/Sent to Personio\.|already (being )?sent to Personio/);
        // One that saw "being sent" waits for the other to finish and then says "already sent".
        await expect(message).toHaveText(/Sent to Personio\.|already sent to Personio/, { timeout: 15_000 });
        return (await message.textContent()) ?? "";
      }),
    );
    expect(outcomes.filter((text) => text === "Sent to Personio.")).toHaveLength(1);
    expect(outcomes.filter((text) => text.includes("already sent to Personio"))).toHaveLength(1);
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(1);
    await Promise.all(contexts.map((context) => context.close()));
  });

  test("an email already in Personio: nothing is created and the recruiter links the existing employee", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ firstName: "Søren", lastName: `Kierkegaard-${uniqueSuffix()}` });
    await sandbox.seedEmployees([
      { firstName: "Søren", lastName: "Kierkegaard", email: candidate.email, position: "Philosopher" },
    ]);
    const [existing] = await sandboxEmployeesWithEmail(candidate.email);
    await signIn(page, recruiter);

    const dialog = await openSendDialog(page, candidate.id);
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(
      dialog.getByRole("heading", { name: "Personio already has an employee with this email" }),
    ).toBeVisible();
    await test.step("the match beside the profile, with a link to check it in Personio, and one action", async () => {
      const table = dialog.getByRole("table");
      await expect(table.getByRole("columnheader", { name: `In Personio (ID ${existing!.id})` })).toBeVisible();
      await expect(table.getByRole("row", { name: /^Name/ })).toContainText(`Søren ${candidate.lastName}`);
      await expect(table.getByRole("row", { name: /^Name/ })).toContainText("Søren Kierkegaard");
      const position = table.getByRole("row", { name: /^Job title/ });
      await expect(position).toContainText("Philosopher");
      await expect(position).toContainText("differs");
      await expect(dialog.getByRole("link", { name: /Open in Personio/ })).toHaveAttribute(
        "href",
        new RegExp(`/staff/details/${existing!.id}$`),
      );
      await expect(dialog.getByRole("button", { name: "Send" })).toHaveCount(0);
    });
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(1);
    expect((await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).status).toBe("FAILED");
    // Finding the employee is recorded as what it is, not as a failed send.
    expect(
      (await db.auditLog.findMany({ where: { targetId: candidate.id, action: "handoff.send" } })).map(
        (entry) => entry.outcome,
      ),
    ).toEqual(["notice"]);

    await dialog.getByRole("button", { name: "Link to this employee" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Linked to the existing Personio employee.");
    await expect(dialog.getByTestId("personio-employee-id")).toHaveText(String(existing!.id));
    await expect(dialog.getByRole("link", { name: /Open in Personio/ })).toHaveAttribute(
      "href",
      new RegExp(`/staff/details/${existing!.id}$`),
    );
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(1);
    const handoff = await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    expect(handoff).toMatchObject({
      status: "LINKED",
      personioEmployeeId: existing!.id,
      sentById: recruiter.id,
      sentFields: null,
    });

    await dialog.getByRole("button", { name: "Close" }).click();
    const badge = page.getByRole("main").getByRole("link", { name: /^Personio/ });
    await expect(badge).toHaveAccessibleDescription(/^Linked to Personio by /);
    await expect(badge).toHaveAttribute("href", new RegExp(`/staff/details/${existing!.id}$`));
    await expect(badge).toHaveAttribute("target", "_blank");
    await expect(
      page.getByRole("region", { name: "Personio", exact: true }).getByTestId("personio-panel-status"),
    ).toHaveText("Linked to an existing employee");
  });

  test(
    "a role without the send permission gets the reason in the status strip and no dead-end menu, and a direct call of the action is refused",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const manager = await createTestUser("hiring_manager");
      const candidate = await createTestCandidate();
      await signIn(page, manager);
      await page.goto(`/candidates/${candidate.id}`);
      const strip = page.getByRole("region", { name: "Not in Personio yet" });
      await expect(strip).toContainText("Your role may not send profiles to Personio.");
      await expect(strip.getByRole("button")).toHaveCount(0);
      // No More ▾ whose only item would be a disabled Send to Personio.
      await expect(page.getByRole("button", { name: "More" })).toHaveCount(0);

      const { result } = await callServerAction(page.request, {
        exportedName: "sendToPersonioAction",
        path: `/candidates/${candidate.id}`,
        input: {
          candidateId: candidate.id,
          fields: { firstName: "A", lastName: "B", email: candidate.email, position: "" },
        },
      });
      expect(result).toMatchObject({ serverError: { code: "forbidden" } });
      expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
      expect(await db.handoff.count({ where: { candidateId: candidate.id } })).toBe(0);
    },
  );

  test(
    "sending a candidate that does not exist is refused as not found, and nothing reaches Personio",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      await signIn(page, await createTestUser("recruiter"));
      const email = `ghost.${uniqueSuffix()}@example.com`;
      const { result } = await callServerAction(page.request, {
        exportedName: "sendToPersonioAction",
        path: "/candidates/does-not-exist",
        input: { candidateId: "does-not-exist", fields: { firstName: "No", lastName: "Body", email, position: "" } },
      });
      expect(result).toMatchObject({ serverError: { code: "not_found" } });
      expect(await sandboxEmployeesWithEmail(email)).toHaveLength(0);
    },
  );

  test("a signed-out direct call of the action is refused", DATABASE_INDEPENDENT, async ({ request }) => {
    const candidate = await createTestCandidate();
    const { result } = await callServerAction(request, {
      exportedName: "sendToPersonioAction",
      path: `/candidates/${candidate.id}`,
      input: {
        candidateId: candidate.id,
        fields: { firstName: "A", lastName: "B", email: candidate.email, position: "" },
      },
    });
    expect(result).toMatchObject({ serverError: { code: "unauthenticated" } });
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
  });
});
