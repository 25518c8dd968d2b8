import { beforeEach, describe, expect, it, vi } from "vitest";

import type { CurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_ROLES, type Permission } from "@/lib/permissions/definitions";

// The services are replaced: these tests are about who may call the actions, not what they do
// (the e2e spec covers that against the database and the sandbox).
const services = vi.hoisted(() => ({
  currentUser: { value: null as CurrentUser | null },
  connectPersonio: vi.fn(async () => ({
    status: "saved" as const,
    subdomain: "acme",
    assessment: "read_write" as const,
  })),
  updatePersonioCredentials: vi.fn(async () => ({
    status: "rejected" as const,
    reason: "invalid_credentials" as const,
  })),
  setPersonioEnabled: vi.fn(async ({ enabled }: { enabled: boolean }) => ({ enabled })),
  deletePersonio: vi.fn(async () => undefined),
  testPersonioConnection: vi.fn(async () => ({ status: "ok" as const, assessment: "read_write" as const })),
  setRolePersonioPermission: vi.fn(async () => ({ changed: true })),
  // Refusals are recorded in the audit log (lib/auth/access-denied.ts); here, what would be.
  writeBoundedAuditLog: vi.fn(async () => true),
}));

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => services.currentUser.value }));
vi.mock("@/lib/personio/integration/mutations", () => services);
vi.mock("@/lib/audit-bounded", () => ({ writeBoundedAuditLog: services.writeBoundedAuditLog }));
vi.mock("@/lib/personio/integration/role-permissions", () => ({
  setRolePersonioPermission: services.setRolePersonioPermission,
}));

const actions = await import("./actions");

function userWithRole(roleId: (typeof DEFAULT_ROLES)[number]["id"]): CurrentUser {
  const role = DEFAULT_ROLES.find((candidate) => candidate.id === roleId)!;
  return {
    id: `user-${roleId}`,
    name: roleId,
    email: `${roleId}@x.test`,
    roleId,
    roleName: role.name,
    permissions: new Set<Permission>(role.permissions),
    locale: null,
    timeZone: null,
  };
}

// The fourth column: where the action sends the admin on success (Next's redirect() throws an
// error whose digest carries the target), or null when it answers with a result.
const calls = [
  [
    "connectPersonioAction",
    () => actions.connectPersonioAction({ clientId: "papi-1", clientSecret: "s", subdomain: "acme.personio.de" }),
    services.connectPersonio,
    "/admin/integrations/personio?connected=read_write",
  ],
  [
    "updatePersonioCredentialsAction",
    () => actions.updatePersonioCredentialsAction({ clientId: "papi-1", clientSecret: "", subdomain: "acme" }),
    services.updatePersonioCredentials,
    null,
  ],
  [
    "setPersonioEnabledAction",
    () => actions.setPersonioEnabledAction({ enabled: false }),
    services.setPersonioEnabled,
    null,
  ],
  [
    "deletePersonioAction",
    () => actions.deletePersonioAction({}),
    services.deletePersonio,
    "/admin/integrations?deleted=1",
  ],
  [
    "testPersonioConnectionAction",
    () => actions.testPersonioConnectionAction({}),
    services.testPersonioConnection,
    null,
  ],
  [
    "setRolePersonioPermissionAction",
    () =>
      actions.setRolePersonioPermissionAction({
        roleId: "hiring_manager",
        permission: "personio:see-badge",
        granted: false,
      }),
    services.setRolePersonioPermission,
    null,
  ],
] as const;

function redirectTarget(error: unknown) {
  const digest = (error as { digest?: string }).digest ?? "";
  return digest.startsWith("NEXT_REDIRECT;") ? digest.split(";")[2] : null;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe.each(calls)("%s", (_name, call, service, redirectsTo) => {
  it("refuses a signed-out caller", async () => {
    services.currentUser.value = null;
    const result = await call();
    expect(result.serverError).toEqual({ code: "unauthenticated" });
    expect(service).not.toHaveBeenCalled();
    expect(services.writeBoundedAuditLog).toHaveBeenCalledWith(
      "access-address:unknown",
      expect.objectContaining({
        actorId: null,
        outcome: "denied",
        details: expect.objectContaining({ missingPermission: "integrations:manage", kind: "action" }),
      }),
    );
  });

  it.each(["recruiter", "hiring_manager", "interviewer"] as const)("refuses a %s", async (roleId) => {
    services.currentUser.value = userWithRole(roleId);
    const result = await call();
    expect(result.serverError).toEqual({ code: "forbidden", reason: "integrations:manage" });
    expect(service).not.toHaveBeenCalled();
    expect(services.writeBoundedAuditLog).toHaveBeenCalledWith(
      `access-user:user-${roleId}`,
      expect.objectContaining({
        actorId: `user-${roleId}`,
        outcome: "denied",
        details: expect.objectContaining({ missingPermission: "integrations:manage", kind: "action" }),
      }),
    );
  });

  it("runs for an admin, acting as that admin", async () => {
    services.currentUser.value = userWithRole("admin");
    if (redirectsTo) {
      const error = await call().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(redirectTarget(error)).toBe(redirectsTo);
    } else {
      const result = await call();
      expect(result.serverError).toBeUndefined();
    }
    expect(service).toHaveBeenCalledTimes(1);
    expect(service).toHaveBeenCalledWith(expect.objectContaining({ actorId: "user-admin" }));
  });
});

describe("inputs", () => {
  beforeEach(() => {
    services.currentUser.value = userWithRole("admin");
  });

  it("reduce a pasted Personio address before the service sees it", async () => {
    // Saved, the action answers with a redirect (thrown); what matters here is the service's input.
    await actions
      .connectPersonioAction({ clientId: "papi-1", clientSecret: "s", subdomain: "https://acme.personio.de/" })
      .catch(() => undefined);
    expect(services.connectPersonio).toHaveBeenCalledWith({
      actorId: "user-admin",
      input: { apiVersion: "v1", clientId: "papi-1", clientSecret: "s", subdomain: "acme" },
    });
  });

  it("refuse permissions other than the two Personio settings", async () => {
    const result = await actions.setRolePersonioPermissionAction({
      roleId: "recruiter",
      // @ts-expect-error: a caller crafting the request by hand
      permission: "users:manage",
      granted: true,
    });
    expect(result.validationErrors).toBeDefined();
    expect(services.setRolePersonioPermission).not.toHaveBeenCalled();
  });

  it("return statuses only", async () => {
    services.connectPersonio.mockResolvedValueOnce({ status: "rejected", reason: "invalid_credentials" } as never);
    const refused = await actions.connectPersonioAction({
      clientId: "papi-1",
      clientSecret: "top-secret-value",
      subdomain: "acme",
    });
    expect(refused.data).toEqual({ status: "rejected", reason: "invalid_credentials" });
    expect(JSON.stringify(refused)).not.toContain("top-secret-value");
    // Saved: the answer is a redirect whose address names the assessment only.
    const saved = await actions
      .connectPersonioAction({ clientId: "papi-1", clientSecret: "top-secret-value", subdomain: "acme" })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(redirectTarget(saved)).toBe("/admin/integrations/personio?connected=read_write");
  });
});
