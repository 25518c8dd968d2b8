import type { Page } from "@playwright/test";

import { demoCredential } from "@/scripts/personio-sandbox/demo";
import type { ApiEndpoint } from "@/scripts/personio-sandbox/http-types";
import { validatePersonioExchange } from "@/scripts/personio-sandbox/openapi/contract-validator";

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
import { demoIntegrationAtStart, restoreIntegration, type StoredIntegration } from "./integrations-admin";
import { openSendDialog, sandbox, sandboxEmployeesWithEmail } from "./personio";

// The send, link, lost-response, 500, refused-credentials and update paths once more with the
// connection on Personio's API v2, each request checked against the v2 references. The connection
// is the one shared row, so this file runs in the "exclusive" project, alone.
test.describe.configure({ mode: "serial" });

const CREATE: ApiEndpoint = "POST /v2/persons";
const LOOKUP: ApiEndpoint = "GET /v2/persons";
const SAFE_TO_RETRY =
  "Sending again is safe: Handoff first looks for this email in Personio and never creates a second employee.";

let original: StoredIntegration;

test.beforeAll(async () => {
  original = await demoIntegrationAtStart();
  await db.personioIntegration.update({ where: { id: "personio" }, data: { apiVersion: "v2" } });
});

test.beforeEach(async () => {
  await sandbox.clearRequests();
});

test.afterEach(async () => {
  await sandbox.clearFaults();
  await sandbox.enableCredential(demoCredential().clientId);
});

test.afterAll(async () => {
  await restoreIntegration(original);
});

/** Every request the app made in this test, valid against Personio's references; v2 for the persons. */
async function expectRequestsValid() {
  const exchanges = await sandbox.requests();
  const problems: string[] = [];
  for (const exchange of exchanges) {
    // A forced fault answers with the sandbox's own body, which no reference describes.
    const answered = exchange.status !== undefined && exchange.status < 500 && exchange.status !== 429;
    const checked = answered ? exchange : { ...exchange, status: undefined, responseBody: undefined };
    problems.push(...(await validatePersonioExchange(checked)));
  }
  expect(problems).toEqual([]);
  // The app used v2 for every persons call: no v1 create and no v1 lookup by email (the review
  // form's lists are still read through v1).
  const endpoints = exchanges.map((exchange) => exchange.endpoint);
  expect(endpoints).not.toContain("POST /v1/company/employees");
  expect(
    exchanges.filter((exchange) => exchange.endpoint === "GET /v1/company/employees" && "email" in exchange.query),
  ).toEqual([]);
  return endpoints;
}

async function startSend(page: Page) {
  const recruiter = await createTestUser("recruiter");
  const candidate = await createTestCandidate({
    firstName: "Ingrid",
    lastName: `Berg-${uniqueSuffix()}`,
    stage: "HIRED",
  });
  await signIn(page, recruiter);
  const dialog = await openSendDialog(page, candidate.id);
  // What opening the form read (Personio's lists) is not the send's.
  await expect(dialog.getByRole("button", { name: "Send" })).toBeEnabled();
  await sandbox.clearRequests();
  return { recruiter, candidate, dialog };
}

async function expectExactlyOneEmployee(email: string) {
  const employees = await sandboxEmployeesWithEmail(email);
  expect(employees).toHaveLength(1);
  return employees[0]!;
}

test(
  "v2: a first send is one POST /v2/persons with department, office and legal entity by id, and the badge links to the employee",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    // Department, office and legal entity offered too (fixed values from the sandbox's account),
    // and the lists read afresh through the v2 connection (legal entities from GET /v2/legal-entities).
    await db.personioFieldConfig.create({
      data: {
        id: "personio",
        fields: JSON.stringify({
          fields: [
            { key: "department", source: "fixed", fixed: "Engineering" },
            { key: "office", source: "fixed", fixed: "Berlin" },
            { key: "subcompany", source: "fixed", fixed: "ACME Ltd." },
            { key: "position", source: "jobTitle" },
          ],
        }),
      },
    });
    await db.personioOptionCache.deleteMany();
    try {
      const { candidate, dialog } = await startSend(page);
      await dialog.getByRole("button", { name: "Send" }).click();
      await expect(dialog.getByRole("status").filter({ hasText: "Sent to Personio." })).toHaveText("Sent to Personio.");
      await expect(dialog.getByTestId("sent-subcompany")).toHaveText("ACME Ltd.");
      await expect(dialog.getByTestId("personio-warnings")).toHaveCount(0);
      const employee = await expectExactlyOneEmployee(candidate.email);
      expect(employee).toMatchObject({ department: "Engineering", office: "Berlin", subcompany: "ACME Ltd." });
      expect(await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
        status: "SENT",
        personioEmployeeId: employee.id,
      });
      const endpoints = await expectRequestsValid();
      // One round trip: the ids came from the cached lists, not from a read per send.
      expect(endpoints).toEqual([CREATE]);
      const [create] = await sandbox.requests();
      expect(create?.body).toMatchObject({
        employments: [
          {
            org_units: [{ type: "department", id: expect.any(String) }],
            office: { id: expect.any(String) },
            legal_entity: { id: expect.any(String) },
          },
        ],
      });
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(page.getByRole("main").getByRole("link", { name: /^Personio/ })).toHaveAttribute(
        "href",
        `${process.env.PERSONIO_SANDBOX_URL}/staff/details/${employee.id}`,
      );
    } finally {
      await db.personioFieldConfig.deleteMany();
      await db.personioOptionCache.deleteMany();
    }
  },
);

test(
  "v2: an email already in Personio is refused by the create, looked up, and linked",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    const [existing] = await sandbox.seedEmployees([
      { firstName: "Ingrid", lastName: "Berg", email: candidate.email, position: "Engineer" },
    ]);
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(
      dialog.getByRole("heading", { name: "Personio already has an employee with this email" }),
    ).toBeVisible();
    await dialog.getByRole("button", { name: "Link to this employee" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Linked to the existing Personio employee.");
    await expectExactlyOneEmployee(candidate.email);
    expect(await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
      status: "LINKED",
      personioEmployeeId: existing!.id,
    });
    const endpoints = await expectRequestsValid();
    expect(endpoints.filter((endpoint) => endpoint === CREATE)).toHaveLength(1);
    expect(endpoints).toContain(LOOKUP);
  },
);

test(
  "v2: created but the answer lost: the same send looks the email up and offers the link, no duplicate",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    await sandbox.addFault({ endpoint: CREATE, kind: "lose-response", times: 1 });
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("heading", { name: "Personio already has an employee with this email" })).toBeVisible(
      { timeout: 15_000 },
    );
    await expect(dialog.getByText("An earlier send of this profile did not get Personio's answer")).toBeVisible();
    await dialog.getByRole("button", { name: "Link to this employee" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Linked to the existing Personio employee.");
    const employee = await expectExactlyOneEmployee(candidate.email);
    expect(await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
      status: "LINKED",
      personioEmployeeId: employee.id,
    });
    const endpoints = await expectRequestsValid();
    expect(endpoints.filter((endpoint) => endpoint === CREATE)).toHaveLength(1);
  },
);

test(
  "v2: a 500 on the create: a clear message, the lookup finds nobody, and a retry creates one employee",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    await sandbox.addFault({ endpoint: CREATE, kind: "status", status: 500, times: 1 });
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      `Personio is not available right now. Try again in a few minutes. Personio may have created the employee anyway. ${SAFE_TO_RETRY}`,
    );
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Sent to Personio." })).toHaveText("Sent to Personio.");
    await expectExactlyOneEmployee(candidate.email);
    const endpoints = await expectRequestsValid();
    expect(endpoints.filter((endpoint) => endpoint === CREATE)).toHaveLength(2);
    expect(endpoints.filter((endpoint) => endpoint === LOOKUP)).toHaveLength(1);
  },
);

test(
  "v2: refused credentials: a disabled credential is explained on the send; a v2 credential without personio:persons:write is refused at the credentials form, naming the scope",
  DATABASE_INDEPENDENT,
  async ({ page, browser }) => {
    const { candidate, dialog } = await startSend(page);
    await sandbox.disableCredential(demoCredential().clientId);
    await sandbox.expireTokens();
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      /^The Personio API credentials were disabled or removed in Personio\./,
    );
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
    await sandbox.enableCredential(demoCredential().clientId);
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Sent to Personio." })).toHaveText("Sent to Personio.");
    await expectExactlyOneEmployee(candidate.email);

    const { credential, clientSecret } = await sandbox.createCredential({
      name: `Read only ${uniqueSuffix()}`,
      permissions: { employees: { read: true, write: false } },
    });
    const admin = await browser.newPage();
    await signIn(admin, await createTestUser("admin"));
    await admin.goto("/admin/integrations/personio");
    const form = admin.getByRole("region", { name: "Change API credentials" });
    await form.getByLabel("Personio API").selectOption("v2");
    await form.getByLabel("Client ID").fill(credential.clientId);
    await form.getByLabel("Client secret").fill(clientSecret);
    await form.getByRole("button", { name: "Save credentials" }).click();
    await expect(form.getByRole("alert")).toContainText("personio:persons:write");
    expect(await db.personioIntegration.findUniqueOrThrow({ where: { id: "personio" } })).toMatchObject({
      clientId: original.clientId,
      apiVersion: "v2",
    });
    await admin.close();
    await expectRequestsValid();
  },
);

test(
  "v2: Update in Personio changes the job title through v2's PATCH endpoints",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Sent to Personio." })).toHaveText("Sent to Personio.");
    await dialog.getByRole("button", { name: "Close" }).click();
    const job = await db.job.findUniqueOrThrow({ where: { id: candidate.jobId } });
    const newTitle = `Senior ${job.title}`;

    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("menuitem", { name: "Update in Personio" }).click();
    const update = page.getByRole("dialog", { name: "Update in Personio" });
    await update.getByLabel("Job title").fill(newTitle);
    await update.getByRole("button", { name: "Send changes" }).click();
    await expect(update.getByRole("status")).toHaveText("Updated in Personio: Job title.");
    expect(await expectExactlyOneEmployee(candidate.email)).toMatchObject({ position: newTitle });
    const endpoints = await expectRequestsValid();
    expect(endpoints).toContain("PATCH /v2/persons/{id}/employments/{employment_id}");
    expect(endpoints).not.toContain("PATCH /v1/company/employees/{id}");
  },
);
