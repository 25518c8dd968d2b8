import "server-only";

import type { z } from "zod";

import { authenticateApiKey, type AuthenticatedApiKey } from "@/lib/api-keys/service";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  isValidIdempotencyKey,
  releaseIdempotencyKey,
  requestFingerprint,
} from "@/lib/api/idempotency";
import { MAX_JSON_BODY_BYTES } from "@/lib/api/limits";
import type { ApiOperation } from "@/lib/api/operations";
import { ApiProblem, problemResponse, type ProblemCode, type ProblemError } from "@/lib/api/problem";
import { TEXT_RULE_ISSUES } from "@/lib/candidates/fields";
import { CandidateTextError } from "@/lib/candidates/write";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isBodyTooLarge, readLimitedBody, tooLargeHeaders } from "@/lib/http/read-limited-body";
import { logFailure } from "@/lib/logger";
import { createDatabaseLimiterPerKey, type KeyedLimiter, type LimitResult } from "@/lib/rate-limit";

type QueryOf<Op> = Op extends { query: infer S extends z.ZodType } ? z.output<S> : undefined;
type BodyOf<Op> = Op extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;

export type ApiContext<Op> = {
  apiKey: AuthenticatedApiKey;
  query: QueryOf<Op>;
  body: BodyOf<Op>;
  params: Record<string, string>;
};

export type ApiAnswer = { status: number; body: unknown; location?: string };

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function issuesToErrors(issues: z.core.$ZodIssue[]): ProblemError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map((part) => String(part).replace(/~/g, "~0").replace(/\//g, "~1"));
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ pointer: `#/${[...base, key].join("/")}`, detail: "Unknown field." }));
    }
    return [{ pointer: `#/${base.join("/")}`, detail: issue.message }];
  });
}

function isTextRuleIssue(issue: z.core.$ZodIssue) {
  return issue.code === "custom" && (TEXT_RULE_ISSUES as readonly string[]).includes(issue.message);
}

// Requests per API key per minute, the limit set on each key, counted in the database: several
// app instances together allow a key its limit, not the limit each.
let apiKeyLimiter: KeyedLimiter | undefined;

function rateLimitHeaders(limit: number, rate: LimitResult): Record<string, string> {
  return {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(rate.remaining),
    "RateLimit-Reset": String(resetSeconds(rate)),
  };
}

const resetSeconds = (rate: LimitResult) => Math.max(1, Math.ceil(rate.retryAfterMs / 1000));

const APP_ERROR_PROBLEMS: Record<AppError["code"], ProblemCode> = {
  unauthenticated: "unauthenticated",
  forbidden: "missing_scope",
  not_found: "not_found",
  conflict: "conflict",
  invalid_input: "validation_failed",
};

// Reasons the services give, in words an API client can act on.
const REASONS: Record<string, { code: ProblemCode; detail: string; pointer?: string }> = {
  unknown_job: { code: "validation_failed", detail: "No job has this jobId.", pointer: "#/jobId" },
  external_id_taken: {
    code: "conflict",
    detail:
      "A candidate with this externalSource and externalId exists; PUT /candidates/by-external-id/{externalSource}/{externalId} updates it.",
  },
  send_in_flight: {
    code: "conflict",
    detail: "A send to Personio is in flight for this person; nothing was erased. Try again in a minute.",
  },
  job_title_taken: { code: "conflict", detail: "A job with this title exists (case ignored).", pointer: "#/title" },
};

function problemFromAppError(error: AppError): ApiProblem {
  if (error instanceof CandidateTextError)
    return new ApiProblem("invalid_text", "Text with characters that are not allowed.", [
      { pointer: `#/${error.field}`, detail: "control_characters" },
    ]);
  const known = error.reason ? REASONS[error.reason] : undefined;
  if (known)
    return new ApiProblem(
      known.code,
      known.detail,
      known.pointer ? [{ pointer: known.pointer, detail: known.detail }] : undefined,
    );
  return new ApiProblem(APP_ERROR_PROBLEMS[error.code], error.code === "not_found" ? error.message : undefined);
}

function jsonResponse(status: number, body: string, headers: Record<string, string>) {
  return new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
}

/**
 * Wraps a route handler of /api/v1: API key, scope, rate limit, strict query and body
 * validation, Idempotency-Key for POST, and every failure as a problem details response.
 */
export function apiHandler<const Op extends ApiOperation>(
  operation: Op,
  handle: (context: ApiContext<Op>) => Promise<ApiAnswer>,
) {
  return async function guardedHandler(request: Request, routeContext: RouteContext): Promise<Response> {
    try {
      return await handler(request, routeContext);
    } catch (error) {
      await logFailure(error, { operation: operation.operationId });
      return problemResponse("internal", "Something went wrong on our side. Try again later.");
    }
  };

  async function handler(request: Request, routeContext: RouteContext): Promise<Response> {
    const authorization = request.headers.get("authorization");
    const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
    const authenticated = await authenticateApiKey(match?.[1] ?? null);
    const bearer = { "WWW-Authenticate": 'Bearer realm="handoff"' };
    if (authenticated === "missing" || authenticated === "invalid") {
      return problemResponse("unauthenticated", "Send an API key as Authorization: Bearer hnd_….", { headers: bearer });
    }
    if (authenticated === "revoked")
      return problemResponse("key_revoked", "This API key was revoked.", { headers: bearer });
    if (authenticated === "expired")
      return problemResponse("key_expired", "This API key has expired.", { headers: bearer });
    const apiKey = authenticated;
    if (!apiKey.scopes.has(operation.scope)) {
      return problemResponse("missing_scope", `This operation needs the scope ${operation.scope}.`);
    }

    apiKeyLimiter ??= createDatabaseLimiterPerKey(db, { name: "api-key", windowSeconds: 60 });
    const limit = apiKey.rateLimitPerMinute;
    const rate = await apiKeyLimiter.take(apiKey.id, limit);
    const limitHeaders = rateLimitHeaders(limit, rate);
    if (!rate.allowed) {
      return problemResponse("rate_limited", `This API key may make ${limit} requests a minute.`, {
        headers: { ...limitHeaders, "Retry-After": String(resetSeconds(rate)) },
      });
    }
    const problem = (code: ProblemCode, detail?: string, errors?: ProblemError[]) =>
      problemResponse(code, detail, { errors, headers: limitHeaders });

    const url = new URL(request.url);
    const rawQuery: Record<string, string | string[]> = {};
    for (const [name, value] of url.searchParams) {
      const previous = rawQuery[name];
      rawQuery[name] = previous === undefined ? value : ([] as string[]).concat(previous, value);
    }
    let query: unknown = undefined;
    if (operation.query) {
      const parsed = operation.query.safeParse(rawQuery);
      if (!parsed.success)
        return problem("invalid_query", "The query parameters are not valid.", issuesToErrors(parsed.error.issues));
      query = parsed.data;
    } else if (Object.keys(rawQuery).length > 0) {
      return problem(
        "invalid_query",
        "This operation takes no query parameters.",
        Object.keys(rawQuery).map((name) => ({ pointer: `#/${name}`, detail: "Unknown parameter." })),
      );
    }

    let rawBody: Uint8Array = new Uint8Array();
    if (operation.body) {
      const contentType = request.headers.get("content-type") ?? "";
      if (!/^application\/([\w.+-]+\+)?json(\s*;|$)/i.test(contentType)) {
        return problem("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
      }
      const read = await readLimitedBody(request, MAX_JSON_BODY_BYTES);
      if (isBodyTooLarge(read))
        return problemResponse("body_too_large", `Request bodies are limited to ${MAX_JSON_BODY_BYTES / 1024} KiB.`, {
          headers: { ...limitHeaders, ...tooLargeHeaders(read) },
        });
      rawBody = read;
    }

    const rawParams = (await routeContext?.params) ?? {};
    const params = Object.fromEntries(
      Object.entries(rawParams).map(([name, value]) => [name, Array.isArray(value) ? value.join("/") : (value ?? "")]),
    );

    // Parsing and validation are part of the answer an Idempotency-Key keeps: the same invalid
    // body gets the same 422, and another body under the same key is a 409 before anything else.
    type Outcome = { status: number; body: string; location: string | null } | { problem: ApiProblem };
    const run = async (): Promise<Outcome> => {
      let body: unknown = undefined;
      if (operation.body) {
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
        } catch {
          return { problem: new ApiProblem("malformed_json", "The body is not valid UTF-8 JSON.") };
        }
        const parsed = operation.body.safeParse(json);
        if (!parsed.success && parsed.error.issues.some((issue) => isTextRuleIssue(issue))) {
          return {
            problem: new ApiProblem(
              "invalid_text",
              "Text may not hold half a Unicode character (a lone surrogate), nor control characters or line breaks outside notes.",
              issuesToErrors(parsed.error.issues.filter((issue) => isTextRuleIssue(issue))),
            ),
          };
        }
        if (!parsed.success) {
          return {
            problem: new ApiProblem(
              "validation_failed",
              "The body does not match the schema.",
              issuesToErrors(parsed.error.issues),
            ),
          };
        }
        body = parsed.data;
      }
      try {
        const answer = await handle({ apiKey, query: query as QueryOf<Op>, body: body as BodyOf<Op>, params });
        return { status: answer.status, body: JSON.stringify(answer.body), location: answer.location ?? null };
      } catch (error) {
        if (error instanceof ApiProblem) return { problem: error };
        await logFailure(error, { operation: operation.operationId, apiKeyId: apiKey.id });
        if (error instanceof AppError) return { problem: problemFromAppError(error) };
        return { problem: new ApiProblem("internal", "Something went wrong on our side. Try again later.") };
      }
    };
    const respond = (result: Outcome, extra: Record<string, string> = {}) =>
      "problem" in result
        ? problemResponse(result.problem.code, result.problem.detail, {
            errors: result.problem.errors,
            headers: { ...limitHeaders, ...extra },
          })
        : jsonResponse(result.status, result.body, {
            ...limitHeaders,
            ...extra,
            ...(result.location ? { Location: result.location } : {}),
          });

    const idempotencyKey = operation.idempotent ? request.headers.get("idempotency-key") : null;
    if (idempotencyKey === null) return respond(await run());
    if (!isValidIdempotencyKey(idempotencyKey))
      return problem("invalid_idempotency_key", "Idempotency-Key must be 1–255 visible ASCII characters.");

    const claim = await claimIdempotencyKey(
      apiKey.id,
      idempotencyKey,
      requestFingerprint(request.method, url.pathname, rawBody),
    );
    if (claim.kind === "mismatch")
      return problem(
        "idempotency_key_reused",
        "This Idempotency-Key was used for a different request in the last 24 hours.",
      );
    if (claim.kind === "in_progress")
      return problem(
        "idempotency_in_progress",
        "The first request with this Idempotency-Key is still running; retry shortly.",
      );
    if (claim.kind === "replay") {
      const { answer } = claim;
      const headers: Record<string, string> = {
        ...limitHeaders,
        "Idempotent-Replayed": "true",
        ...(answer.location ? { Location: answer.location } : {}),
      };
      return new Response(answer.body, {
        status: answer.status,
        headers: { "content-type": answer.status >= 400 ? "application/problem+json" : "application/json", ...headers },
      });
    }
    const result = await run();
    if ("problem" in result && result.problem.code === "internal") {
      await releaseIdempotencyKey(claim.recordId);
      return respond(result);
    }
    const response = respond(result);
    await completeIdempotencyKey(claim.recordId, {
      status: response.status,
      body: await response.clone().text(),
      location: response.headers.get("location"),
    });
    return response;
  }
}
