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
import { openSendDialog, sandboxEmployeesWithEmail } from "./personio";
import { callServerAction } from "./server-actions";

// Which stages may be sent is an admin setting, Hired only by default (the exclusive spec
// changes it); these tests rely on the default.
test.describe("which stages may be sent", DATABASE_INDEPENDENT, () => {
  test("a candidate in stage Applied: no menu item, and a direct action call is refused naming the stage", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ stage: "APPLIED" });
    await signIn(page, recruiter);

    await test.step("no Send to Personio item (and, with nothing else in it, no More ▾ menu at all)", async () => {
      await page.goto(`/candidates/${candidate.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${candidate.firstName} ${candidate.lastName}`);
      await expect(page.getByRole("button", { name: "More" })).toHaveCount(0);
      await expect(page.getByRole("menuitem", { name: "Send to Personio" })).toHaveCount(0);
    });

    await test.step("sending and linking by calling the actions directly are refused", async () => {
      const fields = {
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        email: candidate.email,
        position: "",
      };
      for (const [exportedName, input] of [
        ["sendToPersonioAction", { candidateId: candidate.id, fields }],
        ["linkToPersonioAction", { candidateId: candidate.id, employeeId: 1, fields }],
      ] as const) {
        const { result } = await callServerAction(page.request, {
          exportedName,
          path: `/candidates/${candidate.id}`,
          input,
        });
        expect((result as { data: unknown }).data, exportedName).toEqual({
          outcome: "failed",
          code: "stage_not_sendable",
          stage: "APPLIED",
          sendableStages: ["HIRED"],
        });
      }
      expect(await db.handoff.count({ where: { candidateId: candidate.id } })).toBe(0);
      expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
      const refusals = await db.auditLog.findMany({
        where: { targetId: candidate.id },
        select: { outcome: true, details: true },
      });
      expect(refusals).toHaveLength(2);
      for (const refusal of refusals) {
        expect(refusal.outcome).toBe("denied");
        expect(JSON.parse(refusal.details!)).toMatchObject({ code: "stage_not_sendable", stage: "APPLIED" });
      }
    });
  });

  test("a candidate moved back to Applied while the review form is open: the send is refused with a message naming the stage", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({ stage: "HIRED" });
    await signIn(page, recruiter);
    const dialog = await openSendDialog(page, candidate.id);
    await db.candidate.update({ where: { id: candidate.id }, data: { stage: "APPLIED" } });
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "This candidate is in stage Applied. Only candidates in these stages can be sent to Personio: Hired. An admin chooses the stages under Integrations → Personio.",
    );
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(0);
  });

  test("what the recruiter corrected is in the send's audit entry, profile value beside sent value", async ({
    page,
  }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate({
      firstName: "Joaquín",
      lastName: `Peña-${uniqueSuffix()}`,
      stage: "HIRED",
    });
    const job = await db.job.findUniqueOrThrow({ where: { id: candidate.jobId } });
    await signIn(page, recruiter);
    const dialog = await openSendDialog(page, candidate.id);
    await dialog.getByLabel("Job title").fill("Staff Engineer");
    await dialog.getByRole("button", { name: "Send" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");

    const entry = await db.auditLog.findFirstOrThrow({
      where: { targetId: candidate.id, action: "handoff.send", outcome: "success" },
    });
    expect(JSON.parse(entry.details!)).toMatchObject({
      corrected: ["position"],
      "position.profile": job.title,
      "position.sent": "Staff Engineer",
    });
  });
});
