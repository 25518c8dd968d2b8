import { toApiCandidate } from "@/lib/api/candidates";
import { apiHandler } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";
import { candidateFields } from "@/lib/candidates/fields";
import { upsertCandidateByExternalId } from "@/lib/candidates/service";

export const PUT = apiHandler(OPERATIONS.upsertCandidate, async ({ params, body, apiKey }) => {
  const externalSource = candidateFields.externalSource.safeParse(params.externalSource);
  const externalId = candidateFields.externalId.safeParse(params.externalId);
  if (!externalSource.success || !externalId.success) {
    throw new ApiProblem(
      "not_found",
      "externalSource is letters, digits, dot, dash and underscore; externalId 1–200 characters.",
    );
  }
  const { jobId, jobTitle, department, office, ...rest } = body;
  const result = await upsertCandidateByExternalId(
    { externalSource: externalSource.data, externalId: externalId.data },
    {
      ...rest,
      department,
      office,
      job: jobId !== undefined ? { id: jobId } : { title: jobTitle!, department, office },
    },
    { via: "api", apiKeyId: apiKey.id },
  );
  return {
    status: result.outcome === "created" ? 201 : 200,
    body: { candidate: toApiCandidate(result.candidate), outcome: result.outcome, keptInPersonio: result.kept },
    ...(result.outcome === "created" ? { location: `/api/v1/candidates/${result.candidate.id}` } : {}),
  };
});
