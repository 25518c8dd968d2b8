import { listCandidatesPage, toApiCandidate } from "@/lib/api/candidates";
import { apiHandler } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { createCandidate } from "@/lib/candidates/service";

export const GET = apiHandler(OPERATIONS.listCandidates, async ({ query }) => ({
  status: 200,
  body: await listCandidatesPage(query),
}));

export const POST = apiHandler(OPERATIONS.createCandidate, async ({ body, apiKey }) => {
  const { jobId, jobTitle, department, office, ...rest } = body;
  const candidate = await createCandidate(
    {
      ...rest,
      department,
      office,
      job: jobId !== undefined ? { id: jobId } : { title: jobTitle!, department, office },
    },
    { via: "api", apiKeyId: apiKey.id },
  );
  return { status: 201, body: toApiCandidate(candidate), location: `/api/v1/candidates/${candidate.id}` };
});
