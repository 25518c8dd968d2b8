import { beforeEach, describe, expect, it, vi } from "vitest";

import type { CurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_ROLES, type Permission } from "@/lib/permissions/definitions";

// The services are replaced: these tests are about who may call the actions, not what they do
// (the e2e spec covers that against the database and the sandbox).
const services = vi.hoisted(() => ({
  currentUser: { value: null as CurrentUser | null },
  connectPersonio: vi.fn(async () => ({ status: "saved" as const, subdomain: "acme", assessment: "read_write" as const })),
  updatePersonioCredentials: vi.fn(async () => ({ status: "rejected" as const, reason: "invalid_credentials" as const })),
  setPersonioEnabled: vi.fn(async ({ enabled }: { enabled: boolean }) => ({ enabled })),
  deletePersonio: vi.fn(async () => undefined),
  testPersonioConnection: vi.fn(async () => ({ status: "ok" as const, assessment: "read_write" as const })),
  setRolePersonioPermission: vi.fn(async () => ({ changed: true })),
}));

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => services.currentUser.value }));
vi.mock("@/lib/integrations/personio-mutations", () => services);
vi.mock("@/lib/integrations/role-permissions", () => ({ setRolePersonioPermission: services.setRolePersonioPermission }));

const actions = await import("./actions");

function userWithRole(roleId: (typeof DEFAULT_ROLES)[number]["id"]): CurrentUser {
  const role = DEFAULT_ROLES.find((candidate) => candidate.id === roleId)!;
  return { id: `user-${roleId}`, name: roleId, email: `${roleId}@x.test`, roleId, roleName: role.name, permissions: new Set<Permission>(role.permissions), locale: null, timeZone: null };
}

const calls = [
  ["connectPersonioAction", () => actions.connectPersonioAction({ clientId: "papi-1", clientSecret: "s", subdomain: "acme.personio.de" }), services.connectPersonio],
  ["updatePersonioCredentialsAction", () => actions.updatePersonioCredentialsAction({ clientId: "papi-1", clientSecret: "", subdomain: "acme" }), services.updatePersonioCredentials],
  ["setPersonioEnabledAction", () => actions.setPersonioEnabledAction({ enabled: false }), services.setPersonioEnabled],
  ["deletePersonioAction", () => actions.deletePersonioAction({}), services.deletePersonio],
  ["testPersonioConnectionAction", () => actions.testPersonioConnectionAction({}), services.testPersonioConnection],
  [
    "setRolePersonioPermissionAction",
    () => actions.setRolePersonioPermissionAction({ roleId: "hiring_manager", permission: "personio:see-badge", granted: false }),
    services.setRolePersonioPermission,
  ],
] as const;

beforeEach(() => {
  vi.clearAllMocks();
});

describe.each(calls)("%s", (_name, call, service) => {
  it("refuses a signed-out caller", async () => {
    services.currentUser.value = null;
    const result = await call();
    expect(result.serverError).toEqual({ code: "unauthenticated" });
    expect(service).not.toHaveBeenCalled();
  });

  it.each(["recruiter", "hiring_manager", "interviewer"] as const)("refuses a %s", async (roleId) => {
    services.currentUser.value = userWithRole(roleId);
    const result = await call();
    expect(result.serverError).toEqual({ code: "forbidden", reason: "integrations:manage" });
    expect(service).not.toHaveBeenCalled();
  });

  it("runs for an admin, acting as that admin", async () => {
    services.currentUser.value = userWithRole("admin");
    const result = await call();
    expect(result.serverError).toBeUndefined();
    expect(service).toHaveBeenCalledTimes(1);
    expect(service).toHaveBeenCalledWith(expect.objectContaining({ actorId: "user-admin" }));
  });
});

describe("inputs", () => {
  beforeEach(() => {
    services.currentUser.value = userWithRole("admin");
  });

  it("reduce a pasted Personio address before the service sees it", async () => {
    await actions.connectPersonioAction({ clientId: "papi-1", clientSecret: "s", subdomain: "https://acme.personio.de/" });
    expect(services.connectPersonio).toHaveBeenCalledWith({ actorId: "user-admin", input: { clientId: "papi-1", clientSecret: "s", subdomain: "acme" } });
  });

  it("refuse permissions other than the two Personio settings", async () => {
    // @ts-expect-error: a caller crafting the request by hand
    const result = await actions.setRolePersonioPermissionAction({ roleId: "recruiter", permission: "users:manage", granted: true });
    expect(result.validationErrors).toBeDefined();
    expect(services.setRolePersonioPermission).not.toHaveBeenCalled();
  });

  it("return statuses only", async () => {
    const result = await actions.connectPersonioAction({ clientId: "papi-1", clientSecret: "top-secret-value", subdomain: "acme" });
    expect(result.data).toEqual({ status: "saved", subdomain: "acme", assessment: "read_write" });
    expect(JSON.stringify(result)).not.toContain("top-secret-value");
  });
});
