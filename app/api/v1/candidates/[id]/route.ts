import { toApiCandidate } from "@/lib/api/candidates";
import { apiHandler } from "@/lib/api/handler";
import { OPERATIONS } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";
import { getCandidateRecord } from "@/lib/candidates/record";
import { updateCandidate } from "@/lib/candidates/service";
import { db } from "@/lib/db";
import { erasePerson } from "@/lib/privacy/person-erasure";

export const GET = apiHandler(OPERATIONS.getCandidate, async ({ params }) => {
  const candidate = await getCandidateRecord(params.id!);
  if (!candidate) throw new ApiProblem("not_found", "No candidate has this id.");
  return { status: 200, body: toApiCandidate(candidate) };
});

export const PATCH = apiHandler(OPERATIONS.updateCandidate, async ({ params, body, apiKey }) => {
  const { jobId, jobTitle, ...rest } = body;
  const job =
    jobId !== undefined
      ? { id: jobId }
      : jobTitle !== undefined
        ? { title: jobTitle, department: rest.department, office: rest.office }
        : undefined;
  const result = await updateCandidate(params.id!, { ...rest, job }, { via: "api", apiKeyId: apiKey.id });
  return {
    status: 200,
    body: {
      candidate: toApiCandidate(result.candidate),
      outcome: result.changed ? "updated" : "unchanged",
      keptInPersonio: result.kept,
    },
  };
});

// The Privacy page's erasure, for one candidate and everything about the same person.
export const DELETE = apiHandler(OPERATIONS.eraseCandidate, async ({ params, apiKey }) => {
  const result = await erasePerson(db, { candidateId: params.id!, actorId: null, via: "api", apiKeyId: apiKey.id });
  if (!result.found) throw new ApiProblem("not_found", "No candidate has this id.");
  return { status: 200, body: { outcome: "erased", counts: result.counts } };
});
