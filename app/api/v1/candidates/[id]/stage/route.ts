import { toApiCandidate } from "@/lib/api/candidates";
import { apiHandler } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { moveCandidateStage } from "@/lib/candidates/service";

export const POST = apiHandler(OPERATIONS.moveCandidateStage, async ({ params, body, apiKey }) => {
  const result = await moveCandidateStage(params.id!, body.stage, { via: "api", apiKeyId: apiKey.id });
  return { status: 200, body: toApiCandidate(result.candidate) };
});
