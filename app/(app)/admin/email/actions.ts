"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { sendTestEmail } from "@/lib/email/admin";
import { ZSendTestEmailInput } from "@/lib/email/schemas";
import { setNewEmployeeAddresses } from "@/lib/notifications/addresses";
import { ZNewEmployeeAddressesInput } from "@/lib/notifications/schemas";

// Email is part of the server's plumbing, like background jobs: for those who manage integrations.
export const sendTestEmailAction = authorizedAction
  .metadata({ permission: "integrations:manage" })
  .inputSchema(ZSendTestEmailInput)
  .action(async ({ parsedInput }) => {
    const result = await sendTestEmail({ to: parsedInput.to, locale: await getLocale() });
    revalidatePath("/admin/email");
    return result;
  });

export const setNewEmployeeAddressesAction = authorizedAction
  .metadata({ permission: "integrations:manage" })
  .inputSchema(ZNewEmployeeAddressesInput)
  .action(async ({ parsedInput, ctx }) => {
    await setNewEmployeeAddresses({ actorId: ctx.user.id, addresses: parsedInput.addresses });
    revalidatePath("/admin/email");
    return { count: parsedInput.addresses.length };
  });
