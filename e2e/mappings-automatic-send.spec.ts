import { randomInt } from "node:crypto";

import type { APIRequestContext, Page } from "@playwright/test";

import { createTestUser, db, expect, signIn, test, uniqueSuffix } from "./fixtures";
import { openSendDialog, sandbox, sandboxEmployeesWithEmail } from "./personio";
import { callServerAction } from "./server-actions";
import { addSource, fixtureBody, postSigned, type TestSource } from "./webhooks";

// Issue 31: value mappings learned from a recruiter's correction, automatic send per source and
// stage, and the To send queue grouped by what holds each hire up. Every test brings its own
// Greenhouse source (mappings and rules are per source), its own Personio values and hires.

const AUTOMATIC_SEND = "handoff.automatic-send";

/** Greenhouse's hire_candidate example as a new hire: its own candidate id and email, and the department and office given. */
function greenhouseHire(org: { department: string; office: string }) {
  const id = String(randomInt(100_000_000, 999_999_999));
  const body = fixtureBody("greenhouse-hire_candidate.json")
    .toString("utf8")
    .replaceAll("35897443", id)
    .replaceAll("265788", id)
    .replace("personal@example.com", `personal.${id}@example.com`)
    .replaceAll('"name": "Technology"', JSON.stringify({ name: org.department }).slice(1, -1))
    .replaceAll('"name": "New York City"', JSON.stringify({ name: org.office }).slice(1, -1));
  return { id, email: `personal.${id}@example.com`, body };
}

async function deliverHire(
  request: APIRequestContext,
  source: TestSource,
  org: { department: string; office: string },
) {
  const hire = greenhouseHire(org);
  const response = await postSigned(request, source, hire.body, {
    headers: { "Greenhouse-Event-ID": `evt-${hire.id}` },
  });
  expect(response.status).toBe(200);
  const candidate = await db.candidate.findUniqueOrThrow({
    where: { externalSource_externalId: { externalSource: source.externalSource, externalId: hire.id } },
    select: { id: true },
  });
  return { ...hire, candidateId: candidate.id };
}

/** Waits until every automatic send queued for the candidate has run; returns how many there were. */
async function automaticSendsRun(candidateId: string) {
  let count = 0;
  await expect
    .poll(async () => {
      const jobs = await db.backgroundJob.findMany({
        where: { kind: AUTOMATIC_SEND, payload: { contains: candidateId } },
        select: { status: true },
      });
      count = jobs.length;
      return jobs.length > 0 && jobs.every((job) => job.status === "DONE");
    })
    .toBe(true);
  return count;
}

async function saveMapping(
  request: APIRequestContext,
  mapping: { source: string; fieldKey: string; atsValue: string; personioValue: string },
) {
  const { result } = await callServerAction(request, {
    exportedName: "saveValueMappingAction",
    path: "/admin/mappings",
    input: mapping,
  });
  expect((result as { data?: { mappingId: string } }).data?.mappingId).toBeTruthy();
}

async function seedPersonioOrgUnits(suffix: string) {
  const org = { department: `Product Engineering ${suffix}`, office: `Berlin ${suffix}` };
  await sandbox.seedEmployees([
    { firstName: "Hanna", lastName: `Org-${suffix}`, email: `hanna.${suffix}@personio.example`, ...org },
  ]);
  // The lists are cached for a quarter of an hour: read them again, with the units just seeded.
  await db.personioOptionCache.deleteMany();
  return org;
}

async function toSendRow(page: Page, candidateId: string) {
  await page.goto("/to-send");
  return page.getByRole("row").filter({ has: page.locator(`a[href="/candidates/${candidateId}"]`) });
}

test("a recruiter corrects a Greenhouse department and remembers it; the next hire from Greenhouse is prefilled with the Personio value; the mappings page lists it", async ({
  page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const personio = await seedPersonioOrgUnits(suffix);
  const source = await addSource(request, "greenhouse", `Greenhouse ${suffix}`);
  const atsDepartment = `Engineering ${suffix}`;
  const first = await deliverHire(request, source, { department: atsDepartment, office: personio.office });

  await signIn(page, await createTestUser("recruiter"));
  const dialog = await openSendDialog(page, first.candidateId);
  const department = dialog.getByRole("combobox", { name: "Department" });
  await expect(department).toHaveValue(atsDepartment);
  await department.fill("Product Engineering");
  await dialog
    .getByRole("listbox", { name: "Department" })
    .getByRole("option", { name: personio.department, exact: true })
    .click();
  await expect(
    dialog.getByText(`Remember: “${atsDepartment}” from Greenhouse ${suffix} is “${personio.department}” in Personio`),
  ).toBeVisible();
  await dialog.getByRole("button", { name: "Remember" }).click();
  await expect(dialog.getByText(`Remembered. The next hire from Greenhouse ${suffix}`)).toBeVisible();
  const saved = await db.valueMapping.findMany({ where: { source: source.externalSource } });
  expect(saved.map(({ fieldKey, atsValue, personioValue }) => ({ fieldKey, atsValue, personioValue }))).toEqual([
    { fieldKey: "department", atsValue: atsDepartment, personioValue: personio.department },
  ]);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const next = await deliverHire(request, source, { department: atsDepartment, office: personio.office });
  const nextDialog = await openSendDialog(page, next.candidateId);
  await expect(nextDialog.getByRole("combobox", { name: "Department" })).toHaveValue(personio.department);
  await nextDialog.getByRole("button", { name: "Cancel" }).click();

  await page.goto(`/admin/mappings?q=${encodeURIComponent(atsDepartment)}`);
  const row = page.getByTestId("mapping-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(atsDepartment);
  await expect(row).toContainText(personio.department);
  await expect(row).toContainText(`Greenhouse ${suffix}`);
});

test("a mapping to a value Personio does not have is refused; deleting a mapping in use puts its waiting hires under that value in To send", async ({
  page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const personio = await seedPersonioOrgUnits(suffix);
  const source = await addSource(request, "greenhouse", `Greenhouse ${suffix}`);
  const atsOffice = `Berlin HQ ${suffix}`;
  const admin = await createTestUser("admin");
  await signIn(page, admin);

  await test.step("a Personio value Personio does not know is refused, nothing saved", async () => {
    await page.goto(
      `/admin/mappings?source=${source.externalSource}&field=office&ats=${encodeURIComponent(atsOffice)}`,
    );
    const form = page.getByRole("region", { name: "Add a mapping" });
    await expect(form.getByLabel("Value in the ATS")).toHaveValue(atsOffice);
    await form.getByLabel("Value in Personio").fill(`Atlantis ${suffix}`);
    await form.getByRole("button", { name: "Save mapping" }).click();
    await expect(form.getByText("Personio has no such value for this field.")).toBeVisible();
    expect(await db.valueMapping.count({ where: { source: source.externalSource } })).toBe(0);
    await form.getByLabel("Value in Personio").fill(personio.office);
    await form.getByRole("button", { name: "Save mapping" }).click();
    await expect(form.getByText(`Saved: “${atsOffice}” is “${personio.office}” in Personio.`)).toBeVisible();
  });

  const hire = await deliverHire(request, source, { department: personio.department, office: atsOffice });
  await expect((await toSendRow(page, hire.candidateId)).getByTestId("queue-blocker")).toHaveCount(0);

  await test.step("the mapping is deleted: the waiting hire is grouped under its office", async () => {
    await page.goto(`/admin/mappings?q=${encodeURIComponent(atsOffice)}`);
    await page.getByRole("button", { name: `Delete “${atsOffice}”` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete mapping" }).click();
    await expect(page.getByTestId("mapping-row")).toHaveCount(0);
    expect(await db.valueMapping.count({ where: { source: source.externalSource } })).toBe(0);
    const reason = `Office “${atsOffice}” has no Personio value`;
    await expect((await toSendRow(page, hire.candidateId)).getByTestId("queue-blocker")).toHaveText(reason);
    const group = page.getByTestId("blocker-group").filter({ hasText: reason });
    await expect(group).toContainText("1 hire");
    await expect(group.getByRole("link", { name: "Add a mapping" })).toBeVisible();
  });
});

test("automatic send for Greenhouse → Hired: a mapped hire is sent once and says so, an unmapped office waits with the reason until mapped, 20 deliveries at once make one employee, switched off it stops", async ({
  page,
  request,
}) => {
  const suffix = uniqueSuffix();
  const personio = await seedPersonioOrgUnits(suffix);
  const source = await addSource(request, "greenhouse", `Greenhouse ${suffix}`);
  const ats = { department: `Technology ${suffix}`, office: `NYC ${suffix}` };
  await saveMapping(request, {
    source: source.externalSource,
    fieldKey: "department",
    atsValue: ats.department,
    personioValue: personio.department,
  });
  await saveMapping(request, {
    source: source.externalSource,
    fieldKey: "office",
    atsValue: ats.office,
    personioValue: personio.office,
  });

  await signIn(page, await createTestUser("admin"));
  await page.goto("/admin/automatic-send");
  const rule = page.getByRole("checkbox", { name: `Send automatically: Greenhouse ${suffix} → Hired` });
  await expect(rule).not.toBeChecked();
  await rule.check();
  await expect(page.getByText("Switched on.")).toBeVisible();

  await test.step("a signed hire with mapped values becomes one employee, badge 'sent automatically'", async () => {
    const hire = await deliverHire(request, source, ats);
    await automaticSendsRun(hire.candidateId);
    const employees = await sandboxEmployeesWithEmail(hire.email);
    expect(employees).toHaveLength(1);
    expect(employees[0]).toMatchObject({ department: personio.department, office: personio.office });
    const handoff = await db.handoff.findUniqueOrThrow({ where: { candidateId: hire.candidateId } });
    expect(handoff).toMatchObject({ status: "SENT", sentById: null });
    expect(handoff.automaticRuleId).toBeTruthy();
    await page.goto(`/candidates/${hire.candidateId}`);
    await expect(page.getByTestId("personio-sent-by")).toContainText(
      `Sent automatically by the rule “Greenhouse ${suffix} → Hired”`,
    );
    await expect(page.getByTestId("personio-panel")).toContainText(
      `Automatically, by the rule “Greenhouse ${suffix} → Hired”`,
    );
  });

  await test.step("a hire with an unmapped office waits in To send with the reason", async () => {
    const hire = await deliverHire(request, source, { department: ats.department, office: `Berlin HQ ${suffix}` });
    await automaticSendsRun(hire.candidateId);
    expect(await sandboxEmployeesWithEmail(hire.email)).toHaveLength(0);
    expect(await db.handoff.count({ where: { candidateId: hire.candidateId } })).toBe(0);
    await expect((await toSendRow(page, hire.candidateId)).getByTestId("queue-blocker")).toHaveText(
      `Office “Berlin HQ ${suffix}” has no Personio value`,
    );
    // The mapping that was missing: the rule looks at the waiting hire again and sends it.
    await saveMapping(request, {
      source: source.externalSource,
      fieldKey: "office",
      atsValue: `Berlin HQ ${suffix}`,
      personioValue: personio.office,
    });
    await expect.poll(async () => (await sandboxEmployeesWithEmail(hire.email)).length).toBe(1);
  });

  await test.step("20 simultaneous deliveries of one hire create one employee", async () => {
    const hire = greenhouseHire(ats);
    // Twenty distinct deliveries (own event id, own bytes), not replays of one.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        postSigned(request, source, `${hire.body}${" ".repeat(index)}`, {
          headers: { "Greenhouse-Event-ID": `evt-${hire.id}-${index}` },
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    const candidates = await db.candidate.findMany({
      where: { externalSource: source.externalSource, externalId: hire.id },
      select: { id: true },
    });
    expect(candidates).toHaveLength(1);
    await automaticSendsRun(candidates[0]!.id);
    expect(await sandboxEmployeesWithEmail(hire.email)).toHaveLength(1);
    const creates = (await sandbox.requests()).filter(
      (call) => call.endpoint === "POST /v1/company/employees" && JSON.stringify(call.body).includes(hire.email),
    );
    expect(creates).toHaveLength(1);
    console.log(`20 simultaneous deliveries of one hire → ${creates.length} employee`);
  });

  await test.step("switched off, the next mapped hire waits for a review", async () => {
    await page.goto("/admin/automatic-send");
    await rule.uncheck();
    await expect(page.getByText("Switched off.")).toBeVisible();
    const hire = await deliverHire(request, source, ats);
    expect(
      await db.backgroundJob.count({ where: { kind: AUTOMATIC_SEND, payload: { contains: hire.candidateId } } }),
    ).toBe(0);
    expect(await db.handoff.count({ where: { candidateId: hire.candidateId } })).toBe(0);
    await expect(await toSendRow(page, hire.candidateId)).toHaveCount(1);
  });
});
