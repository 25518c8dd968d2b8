"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { ZChangeUserRoleInput, ZCreateUserInput, ZSetUserActiveInput } from "@/lib/users/schemas";
import { changeUserRole, createUser, setUserActive } from "@/lib/users/service";

const manageUsers = authorizedAction.metadata({ permission: "users:manage" });

export const createUserAction = manageUsers
  .inputSchema(ZCreateUserInput)
  .action(async ({ parsedInput, ctx }) => {
    const user = await createUser({ actorId: ctx.user.id, input: parsedInput });
    revalidatePath("/admin/users");
    return { userId: user.id };
  });

export const changeUserRoleAction = manageUsers
  .inputSchema(ZChangeUserRoleInput)
  .action(async ({ parsedInput, ctx }) => {
    await changeUserRole({ actorId: ctx.user.id, ...parsedInput });
    revalidatePath("/admin/users");
    return { userId: parsedInput.userId };
  });

export const setUserActiveAction = manageUsers
  .inputSchema(ZSetUserActiveInput)
  .action(async ({ parsedInput, ctx }) => {
    await setUserActive({ actorId: ctx.user.id, ...parsedInput });
    revalidatePath("/admin/users");
    return { userId: parsedInput.userId };
  });
