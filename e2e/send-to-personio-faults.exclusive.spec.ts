import type { Locator } from "@playwright/test";

import type { FaultInput } from "@/scripts/personio-sandbox/admin-client";
import { demoCredential } from "@/scripts/personio-sandbox/demo";

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

// Sandbox faults apply to every caller, so this file runs in the "exclusive" project, alone.
const CREATE = "POST /v1/company/employees";
const SAFE_TO_RETRY =
  "Sending again is safe: Handoff first looks for this email in Personio and never creates a second employee.";

test.describe.configure({ mode: "serial" });

test.afterEach(async () => {
  await sandbox.clearFaults();
  await sandbox.enableCredential(demoCredential().clientId);
});

async function startSend(page: import("@playwright/test").Page) {
  const recruiter = await createTestUser("recruiter");
  const candidate = await createTestCandidate({ firstName: "Małgorzata", lastName: `Wiśniewska-${uniqueSuffix()}` });
  await signIn(page, recruiter);
  const dialog = await openSendDialog(page, candidate.id);
  return { candidate, dialog };
}

async function send(dialog: Locator) {
  await dialog.getByRole("button", { name: "Send" }).click();
}

async function expectExactlyOneEmployee(email: string) {
  const employees = await sandboxEmployeesWithEmail(email);
  expect(employees).toHaveLength(1);
  return employees[0]!;
}

const simpleFaults: Array<{ title: string; fault: FaultInput; message: string }> = [
  {
    title: "429 with Retry-After",
    fault: { endpoint: CREATE, kind: "status", status: 429, retryAfterSeconds: 7, times: 1 },
    message: "Personio is receiving too many requests right now. Nothing was created. Try again in 7 seconds.",
  },
  {
    title: "429 without Retry-After",
    fault: { endpoint: CREATE, kind: "status", status: 429, times: 1 },
    message: "Personio is receiving too many requests right now. Nothing was created. Try again in a minute.",
  },
  {
    title: "500",
    fault: { endpoint: CREATE, kind: "status", status: 500, times: 1 },
    message: `Personio is not available right now. Try again in a few minutes. Personio may have created the employee anyway. ${SAFE_TO_RETRY}`,
  },
  {
    title: "a hung connection",
    fault: { endpoint: CREATE, kind: "hang", times: 1 },
    message: `Personio did not answer in time. Try again in a moment. Personio may have created the employee anyway. ${SAFE_TO_RETRY}`,
  },
  {
    title: "a reset connection",
    fault: { endpoint: CREATE, kind: "reset", times: 1 },
    message: `The connection to Personio was lost. Try again in a moment. Personio may have created the employee anyway. ${SAFE_TO_RETRY}`,
  },
  {
    title: "503",
    fault: { endpoint: CREATE, kind: "status", status: 503, times: 1 },
    message: "Personio is not available right now. Try again in a few minutes.",
  },
];

for (const { title, fault, message } of simpleFaults) {
  test(
    `${title}: a clear message, and a retry creates exactly one employee`,
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const { candidate, dialog } = await startSend(page);
      await sandbox.addFault(fault);
      await send(dialog);
      await expect(dialog.getByRole("alert")).toHaveText(message);
      expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
      expect((await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).status).toBe("FAILED");

      await sandbox.clearFaults();
      await send(dialog);
      await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
      await expectExactlyOneEmployee(candidate.email);
    },
  );
}

test(
  "a validation error naming a field: the field is marked, and the corrected form goes through",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    await sandbox.addFault({ endpoint: CREATE, kind: "status", status: 422, field: "last_name", times: 1 });
    await send(dialog);
    const message = "Personio did not accept the last name. Correct it and send again.";
    await expect(dialog.getByRole("alert").filter({ hasText: message }).first()).toBeVisible();
    await expect(dialog.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("First name")).toHaveValue("Małgorzata"); // the form is kept as typed

    await dialog.getByLabel("Last name").fill("Wiśniewska");
    await send(dialog);
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    expect(await expectExactlyOneEmployee(candidate.email)).toMatchObject({ last_name: "Wiśniewska" });
  },
);

test(
  "Review & send: a candidate Personio refused and then skipped counts as failed, the next one is sent",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const lastName = `Refused-${uniqueSuffix()}`;
    const first = await createTestCandidate({ firstName: "Liv", lastName });
    const second = await createTestCandidate({ firstName: "Mads", lastName });
    await signIn(page, await createTestUser("recruiter"));
    // Newest first, as in the queue: Mads is first and refused once, Liv goes through.
    await page.goto(`/to-send/review?ids=${second.id}&ids=${first.id}`);
    await expect(page.getByLabel("First name")).toHaveValue("Mads");
    await sandbox.addFault({ endpoint: CREATE, kind: "status", status: 422, field: "last_name", times: 1 });
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Personio did not accept the last name." }).first(),
    ).toBeVisible();
    await page.getByRole("button", { name: "Skip" }).click();

    await expect(page.getByLabel("First name")).toHaveValue("Liv");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const summary = page.getByTestId("review-summary");
    await expect(summary.getByRole("status")).toHaveText("1 sent, 0 linked, 0 skipped, 1 failed.");
    await expect(summary.getByTestId("summary-failed")).toHaveText("1");
    await expect(page.getByRole("navigation", { name: "Progress" }).getByRole("listitem").nth(0)).toContainText(
      "Failed",
    );
    expect(await sandboxEmployeesWithEmail(second.email)).toHaveLength(0);
    await expectExactlyOneEmployee(first.email);
  },
);

test(
  "a disabled credential: the recruiter is told to ask an admin, and it works once re-enabled",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    await sandbox.disableCredential(demoCredential().clientId);
    await send(dialog);
    await expect(dialog.getByRole("alert")).toHaveText(
      "The Personio API credentials were disabled or removed in Personio. Ask an admin to re-enable them in Personio (Settings → Integrations → API credentials) or to connect new ones.",
    );
    const integration = await db.personioIntegration.findUniqueOrThrow({ where: { id: "personio" } });
    expect(integration.lastErrorCode).toBe("credentials_disabled");

    await sandbox.enableCredential(demoCredential().clientId);
    await send(dialog);
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    await expectExactlyOneEmployee(candidate.email);
  },
);

test(
  "the auth endpoint failing: Personio is reported unavailable, and the retry goes through",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    await sandbox.expireTokens(); // the app must log in again…
    await sandbox.addFault({ endpoint: "POST /v1/auth", kind: "status", status: 500 }); // …and cannot
    await send(dialog);
    await expect(dialog.getByRole("alert")).toHaveText(
      "Personio is not available right now. Try again in a few minutes.",
    );
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);

    await sandbox.clearFaults();
    await send(dialog);
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    await expectExactlyOneEmployee(candidate.email);
  },
);

test(
  "the credential is disabled in the middle of a send: the recruiter is told, and the retry after re-enabling goes through",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    const lookupsBefore = (await sandbox.counters())["GET /v1/company/employees"] ?? 0;
    await sandbox.addFault({ endpoint: CREATE, kind: "latency", latencyMs: 1_500, times: 1 });
    await send(dialog);
    // The lookup went through with the old token; the create arrives after the credential is off.
    await expect
      .poll(async () => (await sandbox.counters())["GET /v1/company/employees"] ?? 0)
      .toBeGreaterThan(lookupsBefore);
    await sandbox.disableCredential(demoCredential().clientId);
    await expect(dialog.getByRole("alert")).toHaveText(
      /^The Personio API credentials were disabled or removed in Personio\./,
    );
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);

    await sandbox.enableCredential(demoCredential().clientId);
    await send(dialog);
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
    await expectExactlyOneEmployee(candidate.email);
  },
);

const lostResponses: Array<{ title: string; fault: FaultInput; message: string }> = [
  {
    title: "a timeout (Personio slower than the app waits)",
    fault: { endpoint: CREATE, kind: "latency", latencyMs: 4_500, times: 1 },
    message: `Personio did not answer in time. Try again in a moment. Personio may have created the employee anyway. ${SAFE_TO_RETRY}`,
  },
  {
    title: "created, but the response never arrives",
    fault: { endpoint: CREATE, kind: "lose-response", times: 1 },
    message: `The connection to Personio was lost. Try again in a moment. Personio may have created the employee anyway. ${SAFE_TO_RETRY}`,
  },
];

for (const { title, fault, message } of lostResponses) {
  test(`${title}: the retry finds the employee and links it, no duplicate`, DATABASE_INDEPENDENT, async ({ page }) => {
    const { candidate, dialog } = await startSend(page);
    await sandbox.addFault(fault);
    await send(dialog);
    await expect(dialog.getByRole("alert")).toHaveText(message, { timeout: 15_000 });
    // Personio did create it: the app must not create a second one.
    await expect
      .poll(async () => (await sandboxEmployeesWithEmail(candidate.email)).length, { timeout: 10_000 })
      .toBe(1);

    await sandbox.clearFaults();
    await send(dialog);
    await expect(
      dialog.getByRole("heading", { name: "Personio already has an employee with this email" }),
    ).toBeVisible();
    await expect(dialog.getByText("An earlier send of this profile did not get Personio's answer")).toBeVisible();
    await dialog.getByRole("button", { name: "Link to this employee" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Linked to the existing Personio employee.");
    const employee = await expectExactlyOneEmployee(candidate.email);
    expect(await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
      status: "LINKED",
      personioEmployeeId: employee.id,
    });
  });
}
