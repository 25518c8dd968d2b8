import type { Locator, Page } from "@playwright/test";

import { demoCredential } from "@/scripts/personio-sandbox/demo";
import { DEFAULT_READABLE_ATTRIBUTES } from "@/scripts/personio-sandbox/employees";

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
import { signedInPage } from "./integrations-admin";
import { openSendDialog, sandbox, sandboxEmployeesWithEmail } from "./personio";

// Issue 17: the review form's chosen fields, values from Personio's lists, what Personio ignored,
// and Update in Personio. The field choice, the cached lists, the sandbox's fault switch and the
// credential's permissions are shared by every test, so this file runs in the "exclusive" project.
test.describe.configure({ mode: "serial" });

const CREATE = "POST /v1/company/employees";
const suffix = uniqueSuffix();
// A department only Personio knows (seeded there, never in Handoff): the recruiter must pick it.
const DEPARTMENT = `Finance ${suffix}`;

test.beforeAll(async () => {
  // Seeded employees bring their org units into the sandbox's account, as HR would have set them up.
  await sandbox.seedEmployees([
    {
      firstName: "Greta",
      lastName: `Lind-${suffix}`,
      email: `greta.${suffix}@personio.example`,
      department: DEPARTMENT,
      office: "Munich",
    },
    {
      firstName: "Tomás",
      lastName: `Ruiz-${suffix}`,
      email: `tomas.${suffix}@personio.example`,
      department: "Engineering",
      office: "Berlin",
    },
  ]);
});

test.afterAll(async () => {
  // Back to the defaults every other spec expects: today's four fields, the lists read again.
  await db.personioFieldConfig.deleteMany();
  await db.personioOptionCache.deleteMany();
  await sandbox.setBehaviour({ ignoreOffices: false });
  await sandbox.updateCredential(demoCredential().clientId, {
    permissions: { employees: { read: true, write: true } },
    readableAttributes: [...DEFAULT_READABLE_ATTRIBUTES],
  });
});

async function setCandidateDetails(
  candidateId: string,
  details: { startDate?: string | null; department?: string | null; office?: string | null },
) {
  await db.candidate.update({ where: { id: candidateId }, data: details });
}

async function pickFromList(dialog: Locator, label: string, search: string, option: string) {
  const box = dialog.getByRole("combobox", { name: label });
  await box.fill(search);
  await dialog.getByRole("listbox", { name: label }).getByRole("option", { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}

async function lastCreateBody(email: string) {
  const requests = await sandbox.requests();
  const creates = requests.filter(
    (request) => request.endpoint === CREATE && JSON.stringify(request.body).includes(email),
  );
  expect(creates).toHaveLength(1);
  // v1's create takes the fields inside `employee` (the official file's request body).
  return (creates[0]!.body as { employee: Record<string, unknown> }).employee;
}

async function openUpdateDialog(page: Page, candidateId: string) {
  await page.goto(`/candidates/${candidateId}`);
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Update in Personio" }).click();
  const dialog = page.getByRole("dialog", { name: "Update in Personio" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test(
  "a new installation offers hire date, department and office, prefilled from the candidate; an admin switches one off and the form says it is not sent",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    const admin = await createTestUser("admin");
    await signIn(page, admin);
    await page.goto("/admin/integrations/personio?tab=fields");
    const section = page.getByRole("region", { name: "Fields sent to Personio" });
    await expect(section.getByText("Always sent: First name, Last name, Email")).toBeVisible();
    // The default, before any choice: what HR needs on the first day, and the job title.
    expect(await db.personioFieldConfig.count()).toBe(0);
    for (const field of ["Hire date", "Department", "Office", "Job title"]) {
      await expect(section.getByRole("checkbox", { name: `Offer ${field}` })).toBeChecked();
    }
    await expect(section.getByLabel("Prefill for Hire date")).toHaveValue("startDate");
    await expect(section.getByLabel("Prefill for Department")).toHaveValue("department");
    await expect(section.getByLabel("Prefill for Office")).toHaveValue("office");

    await test.step("the admin switches the office off: the review form leaves it out and lists it under Not sent", async () => {
      await section.getByRole("checkbox", { name: "Offer Office" }).uncheck();
      await section.getByRole("button", { name: "Save fields" }).click();
      await expect(section.getByText("Saved. The review form offers these fields from now on.")).toBeVisible();
      const recruiterPage = await signedInPage(browser, await createTestUser("recruiter"));
      const candidate = await createTestCandidate({
        firstName: "Olga",
        lastName: `Petrova-${suffix}`,
        phone: "+49 30 1",
      });
      await setCandidateDetails(candidate.id, { startDate: "2027-06-01" });
      const dialog = await openSendDialog(recruiterPage, candidate.id);
      await expect(dialog.getByLabel("Hire date")).toHaveValue("2027-06-01");
      await expect(dialog.getByRole("combobox", { name: "Department" })).toHaveValue("Engineering");
      await expect(dialog.getByRole("combobox", { name: "Office" })).toHaveCount(0);
      const notSent = dialog.getByTestId("not-sent");
      await expect(notSent).toContainText("Office “Berlin”: not among the fields an admin chose to send");
      await expect(notSent).toContainText("Phone and Source: stay in Handoff");
      await recruiterPage.context().close();
      await section.getByRole("checkbox", { name: "Offer Office" }).check();
      await section.getByRole("button", { name: "Save fields" }).click();
      await expect(section.getByText("Saved. The review form offers these fields from now on.")).toBeVisible();
    });

    // The admins' refresh reads Personio's lists now (the seeded department among them).
    await section.getByRole("button", { name: "Refresh now" }).click();
    await expect(section.getByText("Refreshed from Personio.")).toBeVisible();
    await expect(section.getByTestId("personio-lists-status")).toContainText("Last read from Personio:");

    const config = JSON.parse(
      (await db.personioFieldConfig.findUniqueOrThrow({ where: { id: "personio" } })).fields,
    ) as {
      fields: Array<{ key: string }>;
    };
    expect(config.fields.map((field) => field.key)).toEqual(["hireDate", "department", "office", "position"]);
    const cache = JSON.parse((await db.personioOptionCache.findUniqueOrThrow({ where: { id: "personio" } })).data) as {
      department: string[];
    };
    expect(cache.department).toContain(DEPARTMENT);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "integration.set-fields", actorId: admin.id },
    });
    expect(audit.outcome).toBe("success");
  },
);

test(
  "a recruiter picks the department from Personio's list, corrects the hire date, clears an office Personio does not know, and sends exactly that",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ firstName: "Ines", lastName: `Okafor-${suffix}` });
    // Prefills: the start date, and an office spelled as the ATS spells it (Personio has "Berlin").
    await setCandidateDetails(candidate.id, { startDate: "2027-01-04", department: null, office: "Berlín" });
    const job = await db.job.findUniqueOrThrow({ where: { id: candidate.jobId } });
    await signIn(page, recruiter);
    await sandbox.clearRequests();
    const dialog = await openSendDialog(page, candidate.id);

    await test.step("the chosen fields, prefilled; the unknown office is flagged and blocks Send", async () => {
      await expect(dialog.getByLabel("Hire date")).toHaveValue("2027-01-04");
      // The job's department ("Engineering") is one Personio has: prefilled and accepted.
      await expect(dialog.getByRole("combobox", { name: "Department" })).toHaveValue("Engineering");
      await expect(dialog.getByRole("combobox", { name: "Office" })).toHaveValue("Berlín");
      await expect(
        dialog.getByText("“Berlín” is not one of Personio’s values for Office, so Personio would ignore it."),
      ).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Send" })).toBeDisabled();
      await expect(dialog.getByTestId("preview-office")).toHaveText("Berlín");
    });

    await test.step("pick the department from Personio's list, correct the hire date, clear the office", async () => {
      await pickFromList(dialog, "Department", "finance", DEPARTMENT);
      await dialog.getByLabel("Hire date").fill("2027-02-01");
      await dialog.getByRole("combobox", { name: "Office" }).fill("");
      await expect(dialog.getByText(/is not one of Personio’s values/)).toHaveCount(0);
      await expect(dialog.getByTestId("preview-department")).toHaveText(DEPARTMENT);
      await expect(dialog.getByTestId("preview-hireDate")).toHaveText("2027-02-01");
      await expect(dialog.getByTestId("preview-office")).toHaveText("(not sent)");
    });

    await test.step("send: the done state lists what went to Personio", async () => {
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
      await expect(dialog.getByTestId("sent-department")).toHaveText(DEPARTMENT);
      await expect(dialog.getByTestId("sent-hireDate")).toHaveText("2027-02-01");
      await expect(dialog.getByTestId("personio-warnings")).toHaveCount(0);
    });

    await test.step("the sandbox's employee has exactly those values and nothing else", async () => {
      const [employee, ...others] = await sandboxEmployeesWithEmail(candidate.email);
      expect(others).toHaveLength(0);
      const { id: _id, created_at: _created, last_modified_at: _modified, status: _status, ...stored } = employee!;
      expect(stored).toEqual({
        email: candidate.email,
        first_name: "Ines",
        last_name: `Okafor-${suffix}`,
        position: job.title,
        department: DEPARTMENT,
        hire_date: "2027-02-01",
        custom_attributes: {},
      });
      // And the request itself carried nothing more (no office, no empty values).
      expect(Object.keys(await lastCreateBody(candidate.email)).sort()).toEqual([
        "department",
        "email",
        "first_name",
        "hire_date",
        "last_name",
        "position",
      ]);
      const handoff = await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      expect(JSON.parse(handoff.sentFields!)).toEqual({
        firstName: "Ines",
        lastName: `Okafor-${suffix}`,
        email: candidate.email,
        position: job.title,
        department: DEPARTMENT,
        hireDate: "2027-02-01",
      });
      expect(handoff.personioWarnings).toBeNull();
    });
  },
);

test(
  "an office Personio ignores (the sandbox's fault switch) is reported after Send and kept with the handoff and in the audit log",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    await sandbox.setBehaviour({ ignoreOffices: true });
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ firstName: "Paul", lastName: `Meyer-${suffix}` });
    await setCandidateDetails(candidate.id, { startDate: "2027-03-01", office: "Berlin" });
    await signIn(page, recruiter);
    const dialog = await openSendDialog(page, candidate.id);
    // Berlin is one of Personio's offices: nothing flagged before Send.
    await expect(dialog.getByRole("combobox", { name: "Office" })).toHaveValue("Berlin");
    await expect(dialog.getByText(/is not one of Personio’s values/)).toHaveCount(0);
    await dialog.getByRole("button", { name: "Send" }).click();
    // Two announcements: the outcome, and what Personio did not take.
    await expect(dialog.getByRole("status").filter({ hasText: /^Sent to Personio\.$/ })).toBeVisible();
    const warnings = dialog.getByTestId("personio-warnings");
    await expect(warnings).toHaveText("Created, but Personio ignored the Office “Berlin”. Set it in Personio by hand.");

    const [employee] = await sandboxEmployeesWithEmail(candidate.email);
    expect(employee!.office).toBeUndefined();
    expect(employee!.department).toBe("Engineering");
    const handoff = await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
    expect(JSON.parse(handoff.personioWarnings!)).toEqual([
      { field: "office", value: "Berlin", message: expect.stringContaining("Berlin") },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "handoff.send", targetId: candidate.id, outcome: "success" },
    });
    expect(JSON.parse(audit.details!)).toMatchObject({ ignored: "office: Berlin" });
    // Kept on the profile too, in its Personio panel.
    await page.goto(`/candidates/${candidate.id}`);
    await expect(
      page.getByRole("region", { name: "Personio", exact: true }).getByTestId("personio-panel-warnings"),
    ).toHaveText("Personio ignored the Office “Berlin”. Set it in Personio by hand.");
  },
);

test(
  "Update in Personio changes the job title: the diff before sending, the sandbox's employee changed, the audit entry names the field, the email read-only with its reason",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    await sandbox.setBehaviour({ ignoreOffices: false });
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ firstName: "Lea", lastName: `Novak-${suffix}` });
    await setCandidateDetails(candidate.id, { startDate: "2027-04-01", office: "Munich" });
    const job = await db.job.findUniqueOrThrow({ where: { id: candidate.jobId } });
    await signIn(page, recruiter);
    const send = await openSendDialog(page, candidate.id);
    await send.getByRole("button", { name: "Send" }).click();
    await expect(send.getByRole("status")).toHaveText("Sent to Personio.");
    await send.getByRole("button", { name: "Close" }).click();
    const [before] = await sandboxEmployeesWithEmail(candidate.email);
    expect(before!.position).toBe(job.title);

    const dialog = await openUpdateDialog(page, candidate.id);
    const newTitle = `Senior ${job.title}`;

    await test.step("the form starts from what was sent; the email is read-only, saying why", async () => {
      await expect(dialog.getByLabel("Job title")).toHaveValue(job.title);
      await expect(dialog.getByLabel("Hire date")).toHaveValue("2027-04-01");
      const email = dialog.getByLabel("Email");
      await expect(email).toHaveValue(candidate.email);
      await expect(email).toHaveAttribute("readonly", "");
      await expect(email).toHaveAccessibleDescription(
        "Personio does not allow changing the email through its API. Change it in Personio itself.",
      );
      await expect(dialog.getByText("Nothing changed yet.")).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Send changes" })).toBeDisabled();
    });

    await test.step("the differences are shown before sending", async () => {
      await dialog.getByLabel("Job title").fill(newTitle);
      const changes = dialog.getByTestId("update-changes");
      await expect(changes.getByRole("row")).toHaveCount(2);
      await expect(changes.getByRole("row").nth(1)).toHaveText(`Job title${job.title}${newTitle}`);
    });

    await test.step("send changes: only the job title goes out, as a PATCH", async () => {
      await sandbox.clearRequests();
      await dialog.getByRole("button", { name: "Send changes" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Updated in Personio: Job title.");
      const patches = (await sandbox.requests()).filter((request) => request.method === "PATCH");
      expect(patches).toHaveLength(1);
      expect(patches[0]!.path).toBe(`/v1/company/employees/${before!.id}`);
      expect(patches[0]!.body).toEqual({ employee: { position: newTitle } });
      const [after] = await sandboxEmployeesWithEmail(candidate.email);
      expect(after).toMatchObject({
        id: before!.id,
        position: newTitle,
        first_name: "Lea",
        hire_date: "2027-04-01",
        office: "Munich",
      });
    });

    await test.step("the profile's Personio panel lists the update", async () => {
      await page.goto(`/candidates/${candidate.id}`);
      await expect(
        page.getByRole("region", { name: "Personio", exact: true }).getByTestId("personio-panel-updates"),
      ).toContainText(`Job title: by ${recruiter.name}`);
    });

    await test.step("the audit entry names the field and the value sent", async () => {
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "handoff.update", targetId: candidate.id } });
      expect(audit.outcome).toBe("success");
      expect(audit.actorId).toBe(recruiter.id);
      expect(JSON.parse(audit.details!)).toMatchObject({
        fields: ["position"],
        sent: [`position=${newTitle}`],
        employeeId: before!.id,
      });
      const handoff = await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      expect(handoff.version).toBe(1);
      expect(JSON.parse(handoff.sentFields!)).toMatchObject({ position: newTitle });

      const admin = await createTestUser("admin");
      await signIn(page, admin);
      await page.goto("/admin/audit");
      const row = page
        .getByRole("row")
        .filter({ hasText: "Updated a profile in Personio" })
        .filter({ hasText: `Lea Novak-${suffix}` });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("Job title");
      await expect(row).toContainText(`position=${newTitle}`);
    });

    await test.step("a form opened before another update is told, and changes nothing", async () => {
      // Two forms at the same version: the first update wins, the second is refused.
      const second = await createTestUser("recruiter");
      await signIn(page, second);
      const stale = await openUpdateDialog(page, candidate.id);
      // The form has read the version it stands for; then someone else's update lands.
      await expect(stale.getByLabel("First name")).toHaveValue("Lea");
      await db.handoff.update({ where: { candidateId: candidate.id }, data: { version: { increment: 1 } } });
      await stale.getByLabel("First name").fill("Leah");
      await stale.getByRole("button", { name: "Send changes" }).click();
      await expect(
        stale.getByText("Someone else updated this profile in Personio while you were editing."),
      ).toBeVisible();
      const [after] = await sandboxEmployeesWithEmail(candidate.email);
      expect(after!.first_name).toBe("Lea");
    });
  },
);

test(
  "an update whose answer is lost says it may have been applied, records it, and sends the same change again",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ firstName: "Mia", lastName: `Berg-${suffix}` });
    const job = await db.job.findUniqueOrThrow({ where: { id: candidate.jobId } });
    await signIn(page, recruiter);
    const send = await openSendDialog(page, candidate.id);
    await send.getByRole("button", { name: "Send" }).click();
    await expect(send.getByRole("status")).toHaveText("Sent to Personio.");
    await send.getByRole("button", { name: "Close" }).click();
    const [before] = await sandboxEmployeesWithEmail(candidate.email);
    const dialog = await openUpdateDialog(page, candidate.id);
    const newTitle = `Lead ${job.title}`;
    await dialog.getByLabel("Job title").fill(newTitle);

    await test.step("Personio applies the PATCH but its answer is lost: the dialog says it may have been applied", async () => {
      await sandbox.clearRequests();
      await sandbox.addFault({ endpoint: "PATCH /v1/company/employees/{id}", kind: "lose-response", times: 1 });
      await dialog.getByRole("button", { name: "Send changes" }).click();
      await expect(dialog.getByRole("status")).toHaveText(
        "The connection to Personio was lost. Try again in a moment. Personio may have applied the changes anyway (Job title). Sending them again is safe: Personio sets the same values once more.",
      );
      const [after] = await sandboxEmployeesWithEmail(candidate.email);
      expect(after).toMatchObject({ id: before!.id, position: newTitle });
      // What was sent is recorded, not the old values.
      const handoff = await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      expect(handoff.version).toBe(1);
      expect(JSON.parse(handoff.sentFields!)).toMatchObject({ position: newTitle });
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "handoff.update", targetId: candidate.id } });
      expect(audit.outcome).toBe("failure");
      expect(JSON.parse(audit.details!)).toMatchObject({
        code: "connection_lost",
        outcomeUnknown: true,
        fields: ["position"],
      });
    });

    await test.step("Send again: the same PATCH goes out once more and is confirmed", async () => {
      await dialog.getByRole("button", { name: "Send again" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Updated in Personio: Job title.");
      const patches = (await sandbox.requests()).filter((request) => request.method === "PATCH");
      expect(patches.map((patch) => patch.body)).toEqual([
        { employee: { position: newTitle } },
        { employee: { position: newTitle } },
      ]);
      expect((await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).version).toBe(2);
    });
  },
);

test(
  "the update form checks the names by the review form's rules: emptied or over 255 characters, it says so and Send changes stays off",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ firstName: "Mira", lastName: `Kovac-${suffix}` });
    await signIn(page, recruiter);
    const send = await openSendDialog(page, candidate.id);
    await send.getByRole("button", { name: "Send" }).click();
    await expect(send.getByRole("status")).toHaveText("Sent to Personio.");

    const dialog = await openUpdateDialog(page, candidate.id);
    const firstName = dialog.getByLabel("First name");
    const sendChanges = dialog.getByRole("button", { name: "Send changes" });
    await expect(firstName).toHaveValue("Mira");
    await firstName.fill("");
    await expect(dialog.getByText("Required.")).toBeVisible();
    await expect(sendChanges).toBeDisabled();
    await firstName.fill("M".repeat(256));
    await expect(dialog.getByText("Too long: Personio accepts at most 255 characters")).toBeVisible();
    await expect(sendChanges).toBeDisabled();
    await firstName.fill("Mirela");
    await expect(dialog.getByText("Too long")).toHaveCount(0);
    await expect(sendChanges).toBeEnabled();
  },
);

test(
  "a credential that cannot read department and office: the form says which fields it cannot offer, and why",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const demo = demoCredential().clientId;
    const recruiter = await createTestUser("recruiter");
    await signIn(page, recruiter);

    await test.step("the attributes are not among those the credential may read: offered without them, and it still sends", async () => {
      await sandbox.updateCredential(demo, {
        readableAttributes: ["first_name", "last_name", "email", "status", "position", "hire_date"],
      });
      await db.personioOptionCache.deleteMany();
      const candidate = await createTestCandidate({ firstName: "Ada", lastName: `Kowalski-${suffix}` });
      await setCandidateDetails(candidate.id, { startDate: "2027-05-03" });
      const dialog = await openSendDialog(page, candidate.id);
      await expect(dialog.getByTestId("unavailable-fields")).toHaveText(
        "Department, Office: the Personio credentials may not read this attribute. Ask an admin to add it to the credentials’ readable attributes in Personio.",
      );
      await expect(dialog.getByRole("combobox")).toHaveCount(0);
      await expect(dialog.getByLabel("Hire date")).toHaveValue("2027-05-03");
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
      const [employee] = await sandboxEmployeesWithEmail(candidate.email);
      expect(employee).toMatchObject({ hire_date: "2027-05-03" });
      // Not offered, so not sent: neither the job's department nor its office.
      expect(employee!.department).toBeUndefined();
      expect(employee!.office).toBeUndefined();
    });

    await test.step("no Employees read at all (Personio ties write to read, so no access): the form says so", async () => {
      await sandbox.updateCredential(demo, { permissions: { employees: { read: false, write: false } } });
      await db.personioOptionCache.deleteMany();
      const candidate = await createTestCandidate({ firstName: "Bo", lastName: `Lindqvist-${suffix}` });
      const dialog = await openSendDialog(page, candidate.id);
      await expect(dialog.getByTestId("unavailable-fields")).toHaveText(
        "Department, Office: the Personio credentials may not read employees, so Handoff cannot list Personio’s values. Ask an admin to tick Employees → read for them in Personio.",
      );
      await expect(dialog.getByRole("combobox")).toHaveCount(0);
    });
  },
);
