import fs from "node:fs";

import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { DEFAULT_ROLES, type Permission, type RoleKey } from "@/lib/permissions/definitions";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, expect, signInRequest, test } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";
import { callServerAction } from "../server-actions";

// The access rules as a table: every server action and every page, and the permission each
// needs ("signed-in": anyone signed in; "public": everyone, each such action checks a token of
// its own). The test fails if the build has an action this table does not list.
type Access = Permission | "signed-in" | "public";
const ACTIONS: Record<string, { permission: Access; path: (candidateId: string) => string }> = {
  inviteUserAction: { permission: "users:manage", path: () => "/admin/users" },
  issuePasswordLinkAction: { permission: "users:manage", path: () => "/admin/users" },
  changeUserRoleAction: { permission: "users:manage", path: () => "/admin/users" },
  setUserActiveAction: { permission: "users:manage", path: () => "/admin/users" },
  saveSsoSettingsAction: { permission: "users:manage", path: () => "/admin/sso" },
  startSsoTestAction: { permission: "users:manage", path: () => "/admin/sso" },
  testNewSsoSecretAction: { permission: "users:manage", path: () => "/admin/sso" },
  setSsoEnabledAction: { permission: "users:manage", path: () => "/admin/sso" },
  setSsoRequiredAction: { permission: "users:manage", path: () => "/admin/sso" },
  addSsoGroupRoleAction: { permission: "users:manage", path: () => "/admin/sso" },
  removeSsoGroupRoleAction: { permission: "users:manage", path: () => "/admin/sso" },
  connectPersonioAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio/connect" },
  updatePersonioCredentialsAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  setPersonioEnabledAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  deletePersonioAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  testPersonioConnectionAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  setRolePersonioPermissionAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  setSendableStagesAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  changeOwnPasswordAction: { permission: "signed-in", path: () => "/account" },
  signOutEverywhereAction: { permission: "signed-in", path: () => "/account" },
  setNotificationPreferencesAction: { permission: "signed-in", path: () => "/account" },
  createFirstAdminAction: { permission: "public", path: () => "/setup" },
  setPasswordFromLinkAction: { permission: "public", path: () => "/set-password/x" },
  // Anyone may ask; the answer is the same whatever the address (lib/users/forgot-password.ts).
  requestPasswordResetAction: { permission: "public", path: () => "/forgot-password" },
  sendToPersonioAction: { permission: "personio:send", path: (id) => `/candidates/${id}` },
  linkToPersonioAction: { permission: "personio:send", path: (id) => `/candidates/${id}` },
  getHandoffStatusAction: { permission: "candidates:read", path: (id) => `/candidates/${id}` },
  getSendFormAction: { permission: "personio:send", path: (id) => `/candidates/${id}` },
  getUpdateFormAction: { permission: "personio:update", path: (id) => `/candidates/${id}` },
  updateInPersonioAction: { permission: "personio:update", path: (id) => `/candidates/${id}` },
  sendDocumentToPersonioAction: { permission: "personio:send", path: (id) => `/candidates/${id}` },
  setDocumentDefaultsAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  setPersonioFieldsAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  refreshPersonioOptionsAction: { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  createSourceAction: { permission: "integrations:manage", path: () => "/admin/integrations/ats/new?kind=greenhouse" },
  rotateSourceSecretAction: { permission: "integrations:manage", path: () => "/admin/integrations/ats" },
  setSourceEnabledAction: { permission: "integrations:manage", path: () => "/admin/integrations/ats" },
  deleteSourceAction: { permission: "integrations:manage", path: () => "/admin/integrations/ats" },
  createApiKeyAction: { permission: "integrations:manage", path: () => "/admin/api-keys" },
  revokeApiKeyAction: { permission: "integrations:manage", path: () => "/admin/api-keys" },
  createJobAction: { permission: "jobs:manage", path: () => "/admin/jobs" },
  updateJobAction: { permission: "jobs:manage", path: () => "/admin/jobs" },
  previewImportAction: { permission: "candidates:import", path: () => "/import" },
  chooseImportLayoutAction: { permission: "candidates:import", path: () => "/import" },
  startImportAction: { permission: "candidates:import", path: () => "/import" },
  discardImportAction: { permission: "candidates:import", path: () => "/import" },
  listRejectionsAction: { permission: "candidates:import", path: () => "/import" },
  setRoleImportAccessAction: { permission: "users:manage", path: () => "/import" },
  savePreferencesAction: { permission: "signed-in", path: () => "/candidates" },
  retryBackgroundJobAction: { permission: "integrations:manage", path: () => "/admin/background-jobs" },
  sendTestEmailAction: { permission: "integrations:manage", path: () => "/admin/email" },
  setNewEmployeeAddressesAction: { permission: "integrations:manage", path: () => "/admin/email" },
  saveRetentionRulesAction: { permission: "privacy:manage", path: () => "/admin/privacy" },
  previewRetentionAction: { permission: "privacy:manage", path: () => "/admin/privacy" },
  findPersonAction: { permission: "privacy:manage", path: () => "/admin/privacy" },
  erasePersonAction: { permission: "privacy:manage", path: () => "/admin/privacy" },
  saveValueMappingAction: { permission: "mappings:manage", path: () => "/admin/mappings" },
  deleteValueMappingAction: { permission: "mappings:manage", path: () => "/admin/mappings" },
  setAutomaticSendRuleAction: { permission: "integrations:manage", path: () => "/admin/automatic-send" },
};

const PAGES: Record<string, { permission: Access; path: (candidateId: string) => string; allowedRedirect?: string }> = {
  "candidate list": { permission: "candidates:read", path: () => "/candidates" },
  "candidate profile": { permission: "candidates:read", path: (id) => `/candidates/${id}` },
  users: { permission: "users:manage", path: () => "/admin/users" },
  "single sign-on": { permission: "users:manage", path: () => "/admin/sso" },
  integrations: { permission: "integrations:manage", path: () => "/admin/integrations" },
  "Personio settings": { permission: "integrations:manage", path: () => "/admin/integrations/personio" },
  // Already connected (as here): the form gives way to the settings page.
  "Personio connect": {
    permission: "integrations:manage",
    path: () => "/admin/integrations/personio/connect",
    allowedRedirect: "/admin/integrations/personio",
  },
  "audit log": { permission: "audit:read", path: () => "/admin/audit" },
  "ATS sources": { permission: "integrations:manage", path: () => "/admin/integrations/ats" },
  "add an ATS source": { permission: "integrations:manage", path: () => "/admin/integrations/ats/new?kind=greenhouse" },
  "intake log": { permission: "integrations:manage", path: () => "/admin/integrations/ats/intake" },
  "API keys": { permission: "integrations:manage", path: () => "/admin/api-keys" },
  jobs: { permission: "jobs:manage", path: () => "/admin/jobs" },
  "background jobs": { permission: "integrations:manage", path: () => "/admin/background-jobs" },
  email: { permission: "integrations:manage", path: () => "/admin/email" },
  privacy: { permission: "privacy:manage", path: () => "/admin/privacy" },
  "value mappings": { permission: "mappings:manage", path: () => "/admin/mappings" },
  "automatic send": { permission: "integrations:manage", path: () => "/admin/automatic-send" },
  import: { permission: "candidates:import", path: () => "/import" },
  account: { permission: "signed-in", path: () => "/account" },
  "forgot password": { permission: "public", path: () => "/forgot-password" },
  // Shows "this link no longer works" to anyone, signed in or not.
  "set password (unknown link)": {
    permission: "public",
    path: () => "/set-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  },
};

type Who = "signed out" | RoleKey;
const EVERYONE: Who[] = ["signed out", "admin", "recruiter", "hiring_manager", "interviewer"];

function allowed(who: Who, permission: Access) {
  if (permission === "public") return true;
  if (who === "signed out") return false;
  if (permission === "signed-in") return true;
  return DEFAULT_ROLES.find((role) => role.id === who)!.permissions.includes(permission);
}

// An input no action accepts: an allowed caller gets a validation error and nothing happens;
// a refused caller is stopped before the input is even looked at.
const INVALID_INPUT = "not an object";

async function contextFor(cluster: AppCluster, who: Who): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url, maxRedirects: 0 });
  if (who !== "signed out") await signInRequest(context, await createTestUser(who, { client: cluster.db }));
  return context;
}

test(
  "every action and page, for signed-out visitors and every role, allows or denies as the table says",
  DATABASE_INDEPENDENT,
  async () => {
    const cluster = await startAppCluster({ name: "reliability-access", instances: 1 });
    try {
      const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
        node: Record<string, { exportedName: string }>;
      };
      expect(
        Object.values(manifest.node)
          .map((entry) => entry.exportedName)
          .sort(),
      ).toEqual(Object.keys(ACTIONS).sort());
      const candidate = await createTestCandidate({}, cluster.db);
      const rows: string[] = [];

      for (const who of EVERYONE) {
        const context = await contextFor(cluster, who);
        for (const [name, { permission, path }] of Object.entries(ACTIONS)) {
          const { result } = await callServerAction(context, {
            exportedName: name,
            path: path(candidate.id),
            input: INVALID_INPUT,
          });
          const answer = result as { serverError?: { code: string }; validationErrors?: unknown };
          const expected = allowed(who, permission);
          if (expected) {
            expect(answer.validationErrors, `${who} → ${name}`).toBeDefined();
            expect(answer.serverError, `${who} → ${name}`).toBeUndefined();
          } else {
            expect(answer.serverError?.code, `${who} → ${name}`).toBe(
              who === "signed out" ? "unauthenticated" : "forbidden",
            );
          }
          rows.push(`${who} · ${name} → ${expected ? "allowed" : "denied"}`);
        }
        for (const [name, { permission, path, allowedRedirect }] of Object.entries(PAGES)) {
          const response = await context.get(path(candidate.id));
          const expected = allowed(who, permission);
          if (who === "signed out" && permission !== "public") {
            expect(response.status(), `${who} → ${name}`).toBe(307);
            expect(response.headers().location, `${who} → ${name}`).toMatch(/^\/sign-in/);
          } else if (expected && allowedRedirect) {
            expect(response.status(), `${who} → ${name}`).toBe(307);
            expect(response.headers().location, `${who} → ${name}`).toBe(allowedRedirect);
          } else {
            // Refused: the "no access" page, which says so (403), not a pretend "not found".
            expect(response.status(), `${who} → ${name}`).toBe(expected ? 200 : 403);
            if (!expected) expect(await response.text(), `${who} → ${name}`).toContain("No access");
          }
          rows.push(`${who} · page ${name} → ${expected ? "allowed" : "denied"}`);
        }
        await context.dispose();
      }
      // Nothing changed behind the table's back.
      expect(await cluster.db.handoff.count()).toBe(0);
      expect(await cluster.db.personioIntegration.count()).toBe(1);
      console.log(
        `access control: ${rows.length} checks (${Object.keys(ACTIONS).length} actions and ${Object.keys(PAGES).length} pages × ${EVERYONE.length}), all as expected`,
      );
    } finally {
      await cluster.stop();
    }
  },
);

test(
  "a stale session is refused at once: a deactivated user, and a role that lost the send permission",
  DATABASE_INDEPENDENT,
  async () => {
    const cluster = await startAppCluster({ name: "reliability-stale", instances: 1 });
    try {
      const candidate = await createTestCandidate({}, cluster.db);
      const send = (context: APIRequestContext) =>
        callServerAction(context, {
          exportedName: "sendToPersonioAction",
          path: `/candidates/${candidate.id}`,
          input: {
            candidateId: candidate.id,
            fields: { firstName: "A", lastName: "B", email: candidate.email, position: "" },
          },
        }).then(({ result }) => result as { serverError?: { code: string } });

      const deactivated = await createTestUser("recruiter", { client: cluster.db });
      const deactivatedContext = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url, maxRedirects: 0 });
      await signInRequest(deactivatedContext, deactivated);
      await cluster.db.user.update({ where: { id: deactivated.id }, data: { active: false } });
      expect((await send(deactivatedContext)).serverError?.code).toBe("unauthenticated");
      expect((await deactivatedContext.get("/candidates")).status()).toBe(307);

      const recruiter = await createTestUser("recruiter", { client: cluster.db });
      const recruiterContext = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url, maxRedirects: 0 });
      await signInRequest(recruiterContext, recruiter);
      await cluster.db.rolePermission.delete({
        where: { roleId_permission: { roleId: "recruiter", permission: "personio:send" } },
      });
      expect((await send(recruiterContext)).serverError?.code).toBe("forbidden");
      // The page tells the menu there is nothing to send (the catalogue's texts are in every page).
      const profile = await (await recruiterContext.get(`/candidates/${candidate.id}`)).text();
      expect(profile).toMatch(/\\"sendToPersonio\\":null/);

      expect(cluster.sandbox.state.counters.get("POST /v1/company/employees") ?? 0).toBe(0);
      console.log("stale sessions: deactivated user → refused, role without send → refused, 0 employees created");
      await Promise.all([deactivatedContext.dispose(), recruiterContext.dispose()]);
    } finally {
      await cluster.stop();
    }
  },
);
