"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { sendTestEmail } from "@/lib/email/admin";
import { ZSendTestEmailInput } from "@/lib/email/schemas";

// Email is part of the server's plumbing, like background jobs: for those who manage integrations.
export const sendTestEmailAction = authorizedAction
  .metadata({ permission: "integrations:manage" })
  .inputSchema(ZSendTestEmailInput)
  .action(async ({ parsedInput }) => {
    const result = await sendTestEmail({ to: parsedInput.to, locale: await getLocale() });
    revalidatePath("/admin/email");
    return result;
  });
