import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { createTestCandidate, createTestUser, expect, signInRequest, test } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { callSendToPersonio } from "../server-actions";
import { expectNoSecretsIn } from "./secrets";

type SendResult = { data?: { outcome: string }; serverError?: unknown };

async function signedInContexts(cluster: AppCluster, people: number) {
  const contexts: APIRequestContext[] = [];
  for (let index = 0; index < people; index += 1) {
    const user = await createTestUser(index % 2 ? "admin" : "recruiter", { client: cluster.db });
    // Each person has a session on every instance, as behind a load balancer.
    for (const app of cluster.apps) {
      const context = await playwrightRequest.newContext({ baseURL: app.url });
      await signInRequest(context, user);
      contexts.push(context);
    }
  }
  return contexts;
}

function send(
  context: APIRequestContext,
  candidate: { id: string; firstName: string; lastName: string; email: string },
) {
  return callSendToPersonio(context, candidate) as Promise<SendResult>;
}

test.describe("concurrency", () => {
  test("50 simultaneous sends of one candidate over two app processes → one employee", async () => {
    const cluster = await startAppCluster({ name: "reliability-50", instances: 2 });
    try {
      const contexts = await signedInContexts(cluster, 10); // 10 people × 2 instances
      const candidate = await createTestCandidate({}, cluster.db);
      cluster.sandbox.state.counters.clear();

      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) => send(contexts[index % contexts.length]!, candidate)),
      );
      const outcomes = results.map((result) => result.data?.outcome ?? "error");
      const count = (outcome: string) => outcomes.filter((value) => value === outcome).length;
      const employees = [...cluster.sandbox.state.employees.values()].filter((e) => e.email === candidate.email);
      console.log(
        `50 concurrent sends over 2 app processes → ${employees.length} employee, ${count("sent")} sent, ` +
          `${count("already_sent")} told already sent, ${count("in_progress")} told being sent, ${count("error")} errors`,
      );

      expect(count("sent")).toBe(1);
      expect(count("already_sent") + count("in_progress")).toBe(49);
      expect(employees).toHaveLength(1);
      expect(cluster.sandbox.state.counters.get("POST /v1/company/employees")).toBe(1);
      const handoff = await cluster.db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      expect(handoff).toMatchObject({ status: "SENT", personioEmployeeId: employees[0]!.id, attempts: 1 });
      await Promise.all(contexts.map((context) => context.dispose()));
      expectNoSecretsIn(cluster.logs(), cluster.secrets);
    } finally {
      await cluster.stop();
    }
  });

  test("30 different candidates at once → 30 employees, one auth call, no rate limit hit", async () => {
    const cluster = await startAppCluster({ name: "reliability-30", instances: 1 });
    try {
      const contexts = await signedInContexts(cluster, 5);
      const candidates = await Promise.all(Array.from({ length: 30 }, () => createTestCandidate({}, cluster.db)));
      cluster.sandbox.state.counters.clear();
      cluster.sandbox.state.requests.length = 0;

      const started = Date.now();
      const results = await Promise.all(
        candidates.map((candidate, index) => send(contexts[index % contexts.length]!, candidate)),
      );
      const seconds = (Date.now() - started) / 1000;
      const outcomes = results.map((result) => result.data?.outcome ?? "error");
      const emails = new Set(candidates.map((candidate) => candidate.email));
      const employees = [...cluster.sandbox.state.employees.values()].filter((e) => emails.has(e.email));
      const authCalls = cluster.sandbox.state.counters.get("POST /v1/auth") ?? 0;
      const refused = cluster.sandbox.state.requests.filter((exchange) => exchange.status === 429).length;
      console.log(
        `30 different candidates at once → ${employees.length} employees in ${seconds.toFixed(1)} s, ` +
          `${authCalls} auth call, ${refused} rate-limited requests`,
      );

      expect(outcomes).toEqual(Array(30).fill("sent"));
      expect(employees).toHaveLength(30);
      expect(new Set(employees.map((employee) => employee.email)).size).toBe(30);
      expect(authCalls).toBe(1);
      expect(refused).toBe(0);
      await Promise.all(contexts.map((context) => context.dispose()));
      expectNoSecretsIn(cluster.logs(), cluster.secrets);
    } finally {
      await cluster.stop();
    }
  });
});
