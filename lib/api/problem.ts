// RFC 9457 problem details: every error of /api/v1 is one of these, as application/problem+json.
// `type` is a URN per problem (stable, documented in README and the OpenAPI document), `title`
// a short English summary, `detail` what went wrong with this request.
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const PROBLEMS = {
  unauthenticated: { status: 401, title: "Missing or invalid API key" },
  key_revoked: { status: 401, title: "API key revoked" },
  key_expired: { status: 401, title: "API key expired" },
  missing_scope: { status: 403, title: "API key lacks the scope" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  malformed_json: { status: 400, title: "Malformed JSON" },
  invalid_text: { status: 400, title: "Text with characters that are not allowed" },
  invalid_query: { status: 400, title: "Invalid query parameters" },
  invalid_idempotency_key: { status: 400, title: "Invalid Idempotency-Key" },
  validation_failed: { status: 422, title: "Validation failed" },
  body_too_large: { status: 413, title: "Request body too large" },
  conflict: { status: 409, title: "Conflict" },
  idempotency_key_reused: { status: 409, title: "Idempotency-Key reused with another request" },
  idempotency_in_progress: { status: 409, title: "A request with this Idempotency-Key is in progress" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export type ProblemError = { pointer: string; detail: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ProblemCode;
  errors?: ProblemError[];
};

export function problemType(code: ProblemCode) {
  return `urn:handoff:problem:${code.replace(/_/g, "-")}`;
}

export function problemBody(code: ProblemCode, detail?: string, errors?: ProblemError[]): Problem {
  const { status, title } = PROBLEMS[code];
  return {
    type: problemType(code),
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function problemResponse(
  code: ProblemCode,
  detail?: string,
  options: { errors?: ProblemError[]; headers?: HeadersInit } = {},
) {
  const body = problemBody(code, detail, options.errors);
  const headers = new Headers(options.headers);
  headers.set("content-type", PROBLEM_CONTENT_TYPE);
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** Thrown inside a handler to answer with a problem. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: ProblemError[],
  ) {
    super(detail ?? PROBLEMS[code].title);
    this.name = "ApiProblem";
  }
}
