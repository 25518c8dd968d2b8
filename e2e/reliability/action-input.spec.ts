import { request as playwrightRequest } from "@playwright/test";
import fc from "fast-check";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, expect, signInRequest, test } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";
import { callServerAction } from "../server-actions";
import { expectNoSecretsIn } from "./secrets";

// What a hostile or careless client could send to the action, bypassing the form.
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("Zoë", "Ana María", "Jürgen", "Siobhán", "O'Brien", "García-López") },
  fc.constantFrom(
    "Zoë",
    "محمد",
    "שרה",
    "Nguyễn",
    "D'Angelo",
    "<img src=x onerror=alert(1)>",
    '\'; DROP TABLE "Handoff";--',
    "{{7*7}}",
    "  padded  ",
    "",
    "   ",
    "x".repeat(1000),
  ),
  fc.string({ unit: "grapheme", maxLength: 60 }),
);
const email = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._+-]{0,30}$/), fc.domain())
      .map(([local, domain]) => `${local}@${domain}`),
  },
  fc.emailAddress().map((address) => address.slice(0, 254)),
  fc.constantFrom("Anna+HR@Example.COM", "anna@müller.de", "not-an-email", "a@b", "", "x@y.de\n", " anna@example.com "),
);
const fieldValue = fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: fc.anything() });
// Mostly complete forms with awkward text, some wild shapes (missing, extra, mistyped fields).
// The three core fields, and the job title as the ordinary optional field it is (`extra`).
const input = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      fields: fc.record({ firstName: text, lastName: text, email }),
      extra: fc.record({ position: text }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        fields: fc.record(
          { firstName: fieldValue, lastName: fieldValue, email: fc.oneof(email, fc.anything()), position: fieldValue },
          { requiredKeys: [] },
        ),
        extra: fc.oneof(fc.record({ position: fieldValue }), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  },
);

test(
  "the send action answers every input with a validation error or sends it exactly as typed (trimmed)",
  DATABASE_INDEPENDENT,
  async () => {
    const cluster = await startAppCluster({ name: "reliability-input", instances: 1 });
    const context = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url });
    try {
      await signInRequest(context, await createTestUser("recruiter", { client: cluster.db }));
      const tally = { rejected: 0, sent: 0 };
      await fc.assert(
        fc.asyncProperty(input, async (given) => {
          const candidate = await createTestCandidate({}, cluster.db);
          // Unique emails where the input has a usable one, so "sent" is checkable per run.
          const { status, result } = await callServerAction(context, {
            exportedName: "sendToPersonioAction",
            path: `/candidates/${candidate.id}`,
            input: { candidateId: candidate.id, ...given },
          });
          expect(status).toBe(200); // never a crash
          const answer = result as {
            data?: { outcome: string; employeeId?: number };
            validationErrors?: unknown;
            serverError?: unknown;
          };
          expect(answer.serverError).toBeUndefined();
          if (answer.validationErrors) {
            tally.rejected += 1;
            expect(await cluster.db.handoff.count({ where: { candidateId: candidate.id } })).toBe(0);
            return;
          }
          const data = answer.data! as { outcome: string; employeeId?: number; code?: string };
          // A value the chosen field does not take is refused by the fields step, before any claim.
          if (data.outcome === "failed" && data.code === "invalid_field") {
            tally.rejected += 1;
            expect(await cluster.db.handoff.count({ where: { candidateId: candidate.id } })).toBe(0);
            return;
          }
          // A `position` among the core fields is not one of them: only `extra` carries the job title.
          const typed: Record<string, string> = {
            ...(given.fields as Record<string, string>),
            position: (given.extra as { position?: string })?.position ?? "",
          };
          if (data.outcome === "existing_employee") return; // a generated email that was already used: not created
          expect(data.outcome).toBe("sent"); // never a Personio validation error for input we accepted
          tally.sent += 1;
          const employee = cluster.sandbox.state.employees.get(data.employeeId!)!;
          expect(employee.first_name).toBe(typed.firstName!.trim());
          expect(employee.last_name).toBe(typed.lastName!.trim());
          expect(employee.email).toBe(typed.email!.trim());
          expect(employee.position ?? "").toBe(typed.position!.trim());
        }),
        { numRuns: 120 },
      );
      console.log(
        `120 generated inputs to the send action → ${tally.rejected} refused with a validation error, ${tally.sent} sent as typed, 0 crashes`,
      );
      expect(tally.sent).toBeGreaterThan(0);
      expect(tally.rejected).toBeGreaterThan(0);
      expectNoSecretsIn(cluster.logs(), cluster.secrets);
    } finally {
      await context.dispose();
      await cluster.stop();
    }
  },
);
