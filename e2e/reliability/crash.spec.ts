import { request as playwrightRequest } from "@playwright/test";

import { createTestCandidate, createTestUser, expect, signInRequest, test } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";
import { callServerAction } from "../server-actions";
import { expectNoSecretsIn } from "./secrets";

// Longer than a `next start` restart on a busy 2-core machine (seen up to 5 s), so the
// "still in progress" step really runs inside the claim.
const CLAIM_TTL_MS = 20_000;

test("the app is killed after Personio created the employee and before the database recorded it → no duplicate, no stuck send", async () => {
  // A short claim lifetime so the test need not wait two minutes; long timeouts so the send
  // is still in flight when the process dies.
  const cluster = await startAppCluster({
    name: "reliability-crash",
    instances: 1,
    env: { HANDOFF_CLAIM_TTL_MS: String(CLAIM_TTL_MS), PERSONIO_TIMEOUT_MS: "30000" },
  });
  const [app] = cluster.apps;
  try {
    const recruiter = await createTestUser("recruiter", { client: cluster.db });
    const candidate = await createTestCandidate({}, cluster.db);
    const fields = {
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      email: candidate.email,
      position: "Engineer",
    };
    const send = async (action = "sendToPersonioAction", extra: Record<string, unknown> = {}) => {
      const context = await playwrightRequest.newContext({ baseURL: app!.url });
      await signInRequest(context, recruiter);
      const { result } = await callServerAction(context, {
        exportedName: action,
        path: `/candidates/${candidate.id}`,
        input: { candidateId: candidate.id, fields, ...extra },
      });
      await context.dispose();
      return result as { data?: { outcome: string; employee?: { id: number }; previousAttemptUncertain?: boolean } };
    };
    const employeesWithEmail = () =>
      [...cluster.sandbox.state.employees.values()].filter((e) => e.email === candidate.email);

    await test.step("Personio creates the employee, then the answer never comes; the app process is killed", async () => {
      cluster.sandbox.state.faults.push({
        id: "crash",
        endpoint: "POST /v1/company/employees",
        kind: "hang-after-processing",
        remaining: 1,
      });
      const inFlight = send().catch(() => undefined); // the connection dies with the process
      await expect.poll(() => employeesWithEmail().length, { timeout: 15_000 }).toBe(1);
      expect((await cluster.db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).status).toBe(
        "SENDING",
      );
      await app!.kill("SIGKILL");
      await inFlight;
    });

    await app!.restart();

    await test.step("right after the restart the claim is still live: the send is reported as in progress", async () => {
      const result = await send();
      expect(result.data?.outcome).toBe("in_progress");
    });

    await test.step("once the claim has expired, the next attempt finds the employee by email and links it", async () => {
      const claimedAt = (await cluster.db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } }))
        .claimedAt!;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, claimedAt.getTime() + CLAIM_TTL_MS + 200 - Date.now())),
      );
      const retry = await send();
      expect(retry.data).toMatchObject({ outcome: "existing_employee", previousAttemptUncertain: true });
      const employeeId = retry.data!.employee!.id;
      expect(employeeId).toBe(employeesWithEmail()[0]!.id);

      const linked = await send("linkToPersonioAction", { employeeId });
      expect(linked.data).toMatchObject({ outcome: "linked", employeeId });
      const handoff = await cluster.db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      expect(handoff).toMatchObject({ status: "LINKED", personioEmployeeId: employeeId });
    });

    const employees = employeesWithEmail();
    console.log(
      `SIGKILL between Personio's create and the database write → ${employees.length} employee after restart and retry, handoff LINKED`,
    );
    expect(employees).toHaveLength(1);
    expect(cluster.sandbox.state.counters.get("POST /v1/company/employees")).toBe(1);
    expectNoSecretsIn(cluster.logs(), cluster.secrets);
  } finally {
    await cluster.stop();
  }
});
