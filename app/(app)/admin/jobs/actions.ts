"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { ZJobInput, ZUpdateJobInput } from "@/lib/jobs/schemas";
import { createJob, updateJob } from "@/lib/jobs/service";

const manageJobs = authorizedAction.metadata({ permission: "jobs:manage" });

export const createJobAction = manageJobs.inputSchema(ZJobInput).action(async ({ parsedInput, ctx }) => {
  const job = await createJob(parsedInput, { userId: ctx.user.id });
  revalidatePath("/admin/jobs");
  return { jobId: job.id };
});

export const updateJobAction = manageJobs.inputSchema(ZUpdateJobInput).action(async ({ parsedInput, ctx }) => {
  const { jobId, ...patch } = parsedInput;
  await updateJob(jobId, patch, { userId: ctx.user.id });
  revalidatePath("/admin/jobs");
  return { jobId };
});
