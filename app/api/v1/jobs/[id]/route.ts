import { toApiJob } from "@/lib/api/candidates";
import { apiHandler } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";
import { getJob, updateJob } from "@/lib/jobs/service";

export const GET = apiHandler(OPERATIONS.getJob, async ({ params }) => {
  const job = await getJob(params.id!);
  if (!job) throw new ApiProblem("not_found", "No job has this id.");
  return { status: 200, body: toApiJob(job) };
});

export const PATCH = apiHandler(OPERATIONS.updateJob, async ({ params, body, apiKey }) => {
  return { status: 200, body: toApiJob(await updateJob(params.id!, body, { userId: null, apiKeyId: apiKey.id })) };
});
