"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";

import { authorizedAction } from "@/lib/action-client";
import { SSO_TEST_COOKIE, ssoTestCookieValue } from "@/lib/auth/request-options";
import { env } from "@/lib/env";
import {
  ZAddGroupRoleInput,
  ZEmptyInput,
  ZRemoveGroupRoleInput,
  ZRenewSsoSecretInput,
  ZSaveSsoSettingsInput,
  ZSetSsoEnabledInput,
  ZSetSsoRequiredInput,
} from "@/lib/sso/schemas";
import {
  addSsoGroupRole,
  dropPendingSsoSecret,
  getSsoSettings,
  holdPendingSsoSecret,
  removeSsoGroupRole,
  saveSsoSettings,
  setSsoEnabled,
  setSsoRequired,
} from "@/lib/sso/settings";

// SSO decides who gets in, so it is managed with users:manage; every action re-checks it on the
// server. Results carry statuses only, never the client secret.
const manageSso = authorizedAction.metadata({ permission: "users:manage" });

function revalidate() {
  revalidatePath("/admin/sso");
  revalidatePath("/sign-in");
}

export const saveSsoSettingsAction = manageSso
  .inputSchema(ZSaveSsoSettingsInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveSsoSettings({ actorId: ctx.user.id, input: parsedInput });
    revalidate();
    return result;
  });

// Marks the next SSO round trip of this browser as a test by this admin (lib/auth/
// request-options.ts); the browser then starts the sign-in itself.
async function markSsoTest(userId: string, pendingTestId: string | null) {
  (await cookies()).set(SSO_TEST_COOKIE, ssoTestCookieValue(userId, pendingTestId), {
    httpOnly: true,
    sameSite: "lax",
    secure: env.NODE_ENV === "production",
    path: "/api/auth",
    maxAge: 10 * 60,
  });
}

export const startSsoTestAction = manageSso.inputSchema(ZEmptyInput).action(async ({ ctx }) => {
  if (!(await getSsoSettings())) return { started: false };
  // A test of the stored settings: a renewed secret left from an earlier failed test is dropped.
  await dropPendingSsoSecret();
  await markSsoTest(ctx.user.id, null);
  return { started: true };
});

// Renewing the client secret: the test sign-in runs with the new secret, which is saved only if
// it passes; SSO and "SSO required" stay as they are either way (lib/sso/settings.ts).
export const testNewSsoSecretAction = manageSso
  .inputSchema(ZRenewSsoSecretInput)
  .action(async ({ parsedInput, ctx }) => {
    const pendingTestId = await holdPendingSsoSecret({ secret: parsedInput.clientSecret });
    if (!pendingTestId) return { started: false };
    await markSsoTest(ctx.user.id, pendingTestId);
    revalidate();
    return { started: true };
  });

export const setSsoEnabledAction = manageSso.inputSchema(ZSetSsoEnabledInput).action(async ({ parsedInput, ctx }) => {
  const result = await setSsoEnabled({ actorId: ctx.user.id, enabled: parsedInput.enabled });
  revalidate();
  return result;
});

export const setSsoRequiredAction = manageSso.inputSchema(ZSetSsoRequiredInput).action(async ({ parsedInput, ctx }) => {
  const result = await setSsoRequired({ actorId: ctx.user.id, ...parsedInput });
  revalidate();
  return result;
});

export const addSsoGroupRoleAction = manageSso.inputSchema(ZAddGroupRoleInput).action(async ({ parsedInput, ctx }) => {
  await addSsoGroupRole({ actorId: ctx.user.id, ...parsedInput });
  revalidate();
  return { group: parsedInput.group, roleId: parsedInput.roleId };
});

export const removeSsoGroupRoleAction = manageSso
  .inputSchema(ZRemoveGroupRoleInput)
  .action(async ({ parsedInput, ctx }) => {
    await removeSsoGroupRole({ actorId: ctx.user.id, group: parsedInput.group });
    revalidate();
    return { group: parsedInput.group };
  });
