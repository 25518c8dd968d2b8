"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";

import { authorizedAction } from "@/lib/action-client";
import { SSO_TEST_COOKIE } from "@/lib/auth/request-options";
import { env } from "@/lib/env";
import {
  ZAddGroupRoleInput,
  ZEmptyInput,
  ZRemoveGroupRoleInput,
  ZSaveSsoSettingsInput,
  ZSetSsoEnabledInput,
  ZSetSsoRequiredInput,
} from "@/lib/sso/schemas";
import {
  addSsoGroupRole,
  getSsoSettings,
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
export const startSsoTestAction = manageSso.inputSchema(ZEmptyInput).action(async ({ ctx }) => {
  if (!(await getSsoSettings())) return { started: false };
  (await cookies()).set(SSO_TEST_COOKIE, ctx.user.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.NODE_ENV === "production",
    path: "/api/auth",
    maxAge: 10 * 60,
  });
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
