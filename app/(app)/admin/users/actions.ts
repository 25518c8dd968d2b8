"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { accountLinkPath } from "@/lib/users/account-tokens";
import { ZChangeUserRoleInput, ZInviteUserInput, ZSetUserActiveInput, ZUserIdInput } from "@/lib/users/schemas";
import { changeUserRole, inviteUser, issuePasswordLink, setUserActive } from "@/lib/users/service";

const manageUsers = authorizedAction.metadata({ permission: "users:manage" });

// The one-time link goes back to the admin who asked, once; only its hash is stored. With email
// on it is in the outbox too: the runner is kicked to send it now.
export const inviteUserAction = manageUsers.inputSchema(ZInviteUserInput).action(async ({ parsedInput, ctx }) => {
  const { userId, token, expiresAt, emailed } = await inviteUser({ actorId: ctx.user.id, input: parsedInput });
  if (emailed) kickBackgroundRunner();
  revalidatePath("/admin/users");
  return { userId, linkPath: accountLinkPath(token), expiresAt: expiresAt.toISOString(), emailed };
});

export const issuePasswordLinkAction = manageUsers.inputSchema(ZUserIdInput).action(async ({ parsedInput, ctx }) => {
  const { purpose, token, expiresAt, emailed } = await issuePasswordLink({
    actorId: ctx.user.id,
    userId: parsedInput.userId,
  });
  if (emailed) kickBackgroundRunner();
  revalidatePath("/admin/users");
  return {
    userId: parsedInput.userId,
    purpose,
    linkPath: accountLinkPath(token),
    expiresAt: expiresAt.toISOString(),
    emailed,
  };
});

export const changeUserRoleAction = manageUsers
  .inputSchema(ZChangeUserRoleInput)
  .action(async ({ parsedInput, ctx }) => {
    await changeUserRole({ actorId: ctx.user.id, ...parsedInput });
    revalidatePath("/admin/users");
    return { userId: parsedInput.userId };
  });

export const setUserActiveAction = manageUsers.inputSchema(ZSetUserActiveInput).action(async ({ parsedInput, ctx }) => {
  await setUserActive({ actorId: ctx.user.id, ...parsedInput });
  revalidatePath("/admin/users");
  return { userId: parsedInput.userId };
});
