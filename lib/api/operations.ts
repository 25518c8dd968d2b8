// Every operation of /api/v1 once: the route handlers take their scope and schemas from here,
// and the OpenAPI document lists exactly these (lib/api/openapi.ts).
import type { z } from "zod";

import type { ApiScope } from "@/lib/api-keys/scopes";
import {
  ZCandidate,
  ZCandidateCreate,
  ZCandidateListQuery,
  ZCandidatePage,
  ZCandidatePatch,
  ZCandidateUpsert,
  ZCandidateWriteResult,
  ZErasureResult,
  ZJob,
  ZJobCreate,
  ZJobList,
  ZJobPatch,
  ZStageMove,
} from "@/lib/api/schemas";

export type ApiOperation = {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI path template below /api/v1. */
  path: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  pathParams?: Record<string, string>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** POST only: a retry with the same Idempotency-Key and body gets the first answer. */
  idempotent?: boolean;
  responses: Record<number, { description: string; schema: z.ZodType }>;
};

const candidateId = { id: "The candidate's id." };

export const OPERATIONS = {
  listCandidates: {
    operationId: "listCandidates",
    method: "GET",
    path: "/candidates",
    summary: "List candidates",
    description: "Newest first, with cursor pagination: pass nextCursor as cursor for the next page.",
    scope: "candidates:read",
    query: ZCandidateListQuery,
    responses: { 200: { description: "A page of candidates.", schema: ZCandidatePage } },
  },
  createCandidate: {
    operationId: "createCandidate",
    method: "POST",
    path: "/candidates",
    summary: "Create a candidate",
    scope: "candidates:write",
    body: ZCandidateCreate,
    idempotent: true,
    responses: { 201: { description: "Created.", schema: ZCandidate } },
  },
  getCandidate: {
    operationId: "getCandidate",
    method: "GET",
    path: "/candidates/{id}",
    summary: "Get a candidate",
    scope: "candidates:read",
    pathParams: candidateId,
    responses: { 200: { description: "The candidate.", schema: ZCandidate } },
  },
  updateCandidate: {
    operationId: "updateCandidate",
    method: "PATCH",
    path: "/candidates/{id}",
    summary: "Update a candidate",
    description: "A candidate already in Personio only gets missing values; keptInPersonio lists what was not changed.",
    scope: "candidates:write",
    pathParams: candidateId,
    body: ZCandidatePatch,
    responses: { 200: { description: "The result.", schema: ZCandidateWriteResult } },
  },
  upsertCandidate: {
    operationId: "upsertCandidate",
    method: "PUT",
    path: "/candidates/by-external-id/{externalSource}/{externalId}",
    summary: "Create or update a candidate by source and external id",
    description:
      "Creates the candidate when no candidate has this source and external id, otherwise updates it. " +
      "Sending the same body again changes nothing (outcome unchanged). A candidate already in Personio only gets missing values.",
    scope: "candidates:write",
    pathParams: {
      externalSource: "The source system, e.g. greenhouse.",
      externalId: "The candidate's id in that system.",
    },
    body: ZCandidateUpsert,
    responses: {
      200: { description: "Updated or unchanged.", schema: ZCandidateWriteResult },
      201: { description: "Created.", schema: ZCandidateWriteResult },
    },
  },
  eraseCandidate: {
    operationId: "eraseCandidate",
    method: "DELETE",
    path: "/candidates/{id}",
    summary: "Erase a candidate's personal data (GDPR Art. 17)",
    description:
      "Erases the candidate and everything Handoff holds about the same person (found by the candidate's email): " +
      "the intake log, import rows, audit details, emails; as the Privacy page does. A candidate already sent keeps " +
      "its handoff record (Personio id, who and when) as an erased person; any other is deleted. Personio is not " +
      "touched. 409 while a send to Personio is in flight. Recorded in the audit log with counts only.",
    scope: "candidates:erase",
    pathParams: candidateId,
    responses: { 200: { description: "Erased; how many records of each kind.", schema: ZErasureResult } },
  },
  moveCandidateStage: {
    operationId: "moveCandidateStage",
    method: "POST",
    path: "/candidates/{id}/stage",
    summary: "Move a candidate to another stage",
    scope: "candidates:write",
    pathParams: candidateId,
    body: ZStageMove,
    idempotent: true,
    responses: { 200: { description: "The candidate in its new stage.", schema: ZCandidate } },
  },
  listJobs: {
    operationId: "listJobs",
    method: "GET",
    path: "/jobs",
    summary: "List jobs",
    scope: "candidates:read",
    responses: { 200: { description: "All jobs by title.", schema: ZJobList } },
  },
  createJob: {
    operationId: "createJob",
    method: "POST",
    path: "/jobs",
    summary: "Create a job",
    description: "409 when a job with this title (case ignored) exists.",
    scope: "candidates:write",
    body: ZJobCreate,
    idempotent: true,
    responses: { 201: { description: "Created.", schema: ZJob } },
  },
  getJob: {
    operationId: "getJob",
    method: "GET",
    path: "/jobs/{id}",
    summary: "Get a job",
    scope: "candidates:read",
    pathParams: { id: "The job's id." },
    responses: { 200: { description: "The job.", schema: ZJob } },
  },
  updateJob: {
    operationId: "updateJob",
    method: "PATCH",
    path: "/jobs/{id}",
    summary: "Rename a job or change its department or office",
    scope: "candidates:write",
    pathParams: { id: "The job's id." },
    body: ZJobPatch,
    responses: { 200: { description: "The job.", schema: ZJob } },
  },
} satisfies Record<string, ApiOperation>;

export type OperationId = keyof typeof OPERATIONS;
