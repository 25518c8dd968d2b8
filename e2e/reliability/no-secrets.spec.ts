import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { createSandboxAdmin } from "@/scripts/personio-sandbox/admin-client";
import { demoCredential } from "@/scripts/personio-sandbox/demo";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, expect, signInRequest, test } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";
import { callServerAction } from "../server-actions";
import { expectNoSecretsIn } from "./secrets";

const PAGES = [
  "/candidates",
  "/candidates?q=Z&stage=HIRED",
  "/admin/users",
  "/admin/integrations",
  "/admin/integrations/personio",
  "/admin/integrations/personio/connect",
  "/admin/audit",
  "/does-not-exist",
];

test(
  "no secret reaches a page, a payload, an error message or the log, in success and in failure",
  DATABASE_INDEPENDENT,
  async () => {
    const cluster = await startAppCluster({ name: "reliability-secrets", instances: 1 });
    const seen: string[] = [];
    const contexts: APIRequestContext[] = [];
    const record = async (
      label: string,
      response: { text: () => Promise<string>; headersArray: () => Array<{ name: string; value: string }> },
    ) => {
      seen.push(`${label}\n${JSON.stringify(response.headersArray())}\n${await response.text()}`);
    };
    try {
      const stored = await cluster.db.personioIntegration.findUniqueOrThrow({ where: { id: "personio" } });
      const [admin, recruiter] = await Promise.all([
        createTestUser("admin", { client: cluster.db }),
        createTestUser("recruiter", { client: cluster.db }),
      ]);
      for (const user of [admin, recruiter]) {
        const context = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url, maxRedirects: 0 });
        await signInRequest(context, user);
        contexts.push(context);
      }
      const [adminContext, recruiterContext] = contexts as [APIRequestContext, APIRequestContext];
      const send = async (candidate: { id: string; email: string }) => {
        const { body } = await callServerAction(recruiterContext, {
          exportedName: "sendToPersonioAction",
          path: `/candidates/${candidate.id}`,
          input: {
            candidateId: candidate.id,
            fields: { firstName: "Ana", lastName: "Lima", email: candidate.email, position: "" },
          },
        });
        seen.push(body);
      };

      // A success, then failures that carry Personio's and our own error messages.
      const sent = await createTestCandidate({}, cluster.db);
      await send(sent);
      await createSandboxAdmin(cluster.sandbox.url).disableCredential(demoCredential().clientId);
      await send(await createTestCandidate({}, cluster.db));
      seen.push(
        (
          await callServerAction(adminContext, {
            exportedName: "testPersonioConnectionAction",
            path: "/admin/integrations/personio",
            input: undefined,
          })
        ).body,
      );
      seen.push(
        (
          await callServerAction(adminContext, {
            exportedName: "updatePersonioCredentialsAction",
            path: "/admin/integrations/personio",
            input: { clientId: demoCredential().clientId, clientSecret: "wrong-secret-value", subdomain: "demo" },
          })
        ).body,
      );

      for (const context of contexts) {
        for (const path of [...PAGES, `/candidates/${sent.id}`]) {
          await record(path, await context.get(path));
          await record(`${path} (RSC)`, await context.get(path, { headers: { RSC: "1" } }));
        }
      }

      const everything = seen.join("\n");
      // The scan did see real pages: the sent profile's badge names the recruiter.
      expect(everything.includes(`Sent to Personio by ${recruiter.name}`), "the badge is among the scanned pages").toBe(
        true,
      );
      expectNoSecretsIn(everything, { ...cluster.secrets, storedCiphertext: stored.clientSecretEncrypted });
      expectNoSecretsIn(cluster.logs(), { ...cluster.secrets, storedCiphertext: stored.clientSecretEncrypted });
      console.log(
        `secret scan: ${seen.length} responses from ${PAGES.length + 1} pages × 2 roles and 4 action calls, and ${cluster.logs().length} bytes of log → 0 secrets`,
      );
    } finally {
      await Promise.all(contexts.map((context) => context.dispose()));
      await cluster.stop();
    }
  },
);
