import { beforeEach, describe, expect, it, vi } from "vitest";

import type { CurrentUser } from "@/lib/auth/current-user";

const state = vi.hoisted(() => ({
  currentUser: { value: null as CurrentUser | null },
  origin: "http://localhost:3000" as string | null,
  cookieSet: vi.fn(),
  savePreferences: vi.fn(async () => {}),
}));

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.currentUser.value }));
vi.mock("@/lib/users/preferences", () => ({ savePreferences: state.savePreferences }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(state.origin ? { origin: state.origin } : {}),
  cookies: async () => ({ set: state.cookieSet }),
}));

const { savePreferencesAction } = await import("./actions");

function user(roleId: string): CurrentUser {
  return {
    id: `user-${roleId}`,
    name: roleId,
    email: `${roleId}@x.test`,
    roleId,
    roleName: roleId,
    permissions: new Set(),
    locale: null,
    timeZone: null,
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  state.origin = "http://localhost:3000";
});

describe("savePreferencesAction", () => {
  it("refuses a signed-out caller and changes nothing", async () => {
    state.currentUser.value = null;
    const result = await savePreferencesAction({ locale: "de", timeZone: "Europe/Berlin" });
    expect(result.serverError).toEqual({ code: "unauthenticated" });
    expect(state.savePreferences).not.toHaveBeenCalled();
    expect(state.cookieSet).not.toHaveBeenCalled();
  });

  // No permission is needed (an interviewer has none beyond reading), and only the caller's own row changes.
  it.each(["interviewer", "admin"])("saves a %s's own choice, in the canonical zone spelling", async (roleId) => {
    state.currentUser.value = user(roleId);
    const result = await savePreferencesAction({ locale: "de", timeZone: "Etc/UTC" });
    expect(result.data).toEqual({ locale: "de", timeZone: "UTC" });
    expect(state.savePreferences).toHaveBeenCalledWith({ userId: `user-${roleId}`, locale: "de", timeZone: "UTC" });
    expect(state.cookieSet).toHaveBeenCalledWith(
      "handoff-locale",
      "de",
      expect.objectContaining({ httpOnly: true, sameSite: "lax", secure: false }),
    );
  });

  it("marks the language cookie Secure when the app is served over HTTPS", async () => {
    state.currentUser.value = user("recruiter");
    state.origin = "https://handoff.example.com";
    await savePreferencesAction({ locale: "en", timeZone: "America/New_York" });
    expect(state.cookieSet).toHaveBeenCalledWith("handoff-locale", "en", expect.objectContaining({ secure: true }));
  });

  it.each([
    { locale: "fr", timeZone: "Europe/Berlin" },
    { locale: "de", timeZone: "Mars/Olympus_Mons" },
    { locale: "de", timeZone: "" },
    { locale: "de" },
  ])("refuses %j with a validation error", async (input) => {
    state.currentUser.value = user("recruiter");
    const result = await savePreferencesAction(input as never);
    expect(result.validationErrors).toBeDefined();
    expect(state.savePreferences).not.toHaveBeenCalled();
  });

  it("cannot be pointed at someone else: the input has no user, and extra fields are dropped", async () => {
    state.currentUser.value = user("recruiter");
    await savePreferencesAction({ locale: "en", timeZone: "Europe/Berlin", userId: "user-admin" } as never);
    expect(state.savePreferences).toHaveBeenCalledWith({
      userId: "user-recruiter",
      locale: "en",
      timeZone: "Europe/Berlin",
    });
  });
});
