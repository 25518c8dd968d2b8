"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { retryBackgroundJob } from "@/lib/background/admin";
import { ZRetryBackgroundJobInput } from "@/lib/background/schemas";

// Background jobs carry the integrations' work (imports now; emails and transfers next), so the
// people who manage integrations look after them.
export const retryBackgroundJobAction = authorizedAction
  .metadata({ permission: "integrations:manage" })
  .inputSchema(ZRetryBackgroundJobInput)
  .action(async ({ parsedInput, ctx }) => {
    await retryBackgroundJob({ actorId: ctx.user.id, jobId: parsedInput.jobId });
    revalidatePath("/admin/background-jobs");
    return { jobId: parsedInput.jobId };
  });
