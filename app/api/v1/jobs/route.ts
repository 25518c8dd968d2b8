import { toApiJob } from "@/lib/api/candidates";
import { apiHandler } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { createJob, listAllJobs } from "@/lib/jobs/service";

export const GET = apiHandler(OPERATIONS.listJobs, async () => ({
  status: 200,
  body: { data: (await listAllJobs()).map(toApiJob) },
}));

export const POST = apiHandler(OPERATIONS.createJob, async ({ body, apiKey }) => {
  const job = await createJob(body, { userId: null, apiKeyId: apiKey.id });
  return { status: 201, body: toApiJob(job), location: `/api/v1/jobs/${job.id}` };
});
