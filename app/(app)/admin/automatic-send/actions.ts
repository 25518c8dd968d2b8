"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { setAutomaticSendRule } from "@/lib/handoff/automatic/rules";
import { ZAutomaticSendRuleInput } from "@/lib/mappings/schemas";

// Sending without review is the admins' decision (integrations:manage), per source and stage.
export const setAutomaticSendRuleAction = authorizedAction
  .metadata({ permission: "integrations:manage" })
  .inputSchema(ZAutomaticSendRuleInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setAutomaticSendRule({ actorId: ctx.user.id, ...parsedInput });
    revalidatePath("/admin/automatic-send");
    return result;
  });
