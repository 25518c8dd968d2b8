import "server-only";

import { defaultPersonioMessage, PersonioError, type PersonioErrorCode } from "./errors";

/** What kind of call failed: decides how 401/403 and 5xx are read. */
export type PersonioCallKind = "auth" | "read" | "write";

export type PersonioErrorBody = { message?: string; code?: number; fields: string[] };

// Personio's messages may be German or change wording, so they only ever refine a decision the
// status already made; each pattern has a fallback when nothing matches.
const DISABLED_HINT = /disabled|deactivated|deaktiviert|inactive|revoked|removed|deleted|gelöscht|gesperrt|suspended/i;
const PERMISSION_HINT =
  /forbidden\.http\.exception|permission|scope|berechtigung|not allowed|action is unauthori[sz]ed|access denied|insufficient/i;
const TOKEN_HINT = /authorization|token|unauthori[sz]ed|expired|blacklisted/i;
const EMAIL_TAKEN_HINT =
  /already (been )?(taken|exists?|in use|used|registered)|bereits (vergeben|vorhanden|verwendet|existiert)|duplicate|not unique|must be unique/i;
const KNOWN_FIELDS = [
  "email",
  "first_name",
  "last_name",
  "preferred_name",
  "gender",
  "position",
  "subcompany",
  "department",
  "office",
  "hire_date",
  "weekly_working_hours",
  "status",
  "supervisor_id",
  "title",
  "employee_id",
  "category_id",
  "file",
  "date",
  "comment",
  "limit",
  "offset",
];

/** Reads Personio's v1, v2 and OAuth2 error envelopes into one shape; tolerant of anything else. */
export function readPersonioErrorBody(body: unknown): PersonioErrorBody {
  const result: PersonioErrorBody = { fields: [] };
  if (!isRecord(body)) return result;
  const error = body.error;
  if (isRecord(error)) {
    if (typeof error.message === "string") result.message = error.message;
    if (typeof error.code === "number") result.code = error.code;
    if (isRecord(error.error_data)) result.fields.push(...Object.keys(error.error_data));
  } else if (typeof error === "string") {
    result.message = typeof body.error_description === "string" ? `${error}: ${body.error_description}` : error;
  }
  if (Array.isArray(body.errors)) {
    const first: unknown = body.errors[0];
    if (isRecord(first)) {
      const text = [first.title, first.detail].filter((part) => typeof part === "string").join(": ");
      if (text && !result.message) result.message = text;
      if (typeof first.field === "string") result.fields.push(first.field);
    }
  }
  if (!result.message && typeof body.message === "string") result.message = body.message;
  return result;
}

export function fieldFromPersonioError(parsed: PersonioErrorBody): string | undefined {
  const named = parsed.fields[0];
  if (named) return named.replace(/^employee[.[]/, "").replace(/]$/, "");
  const message = parsed.message?.toLowerCase() ?? "";
  if (/supervisor/.test(message)) return "supervisor_id";
  if (/e-?mail/.test(message)) return "email";
  return KNOWN_FIELDS.find((field) => new RegExp(`\\b${field}\\b|\\b${field.replace(/_/g, " ")}\\b`).test(message));
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export function looksLikePermissionError(body: unknown): boolean {
  const { message } = readPersonioErrorBody(body);
  return Boolean(message && PERMISSION_HINT.test(message) && !DISABLED_HINT.test(message));
}

export function looksLikeDisabledCredentials(body: unknown): boolean {
  const { message } = readPersonioErrorBody(body);
  return Boolean(message && DISABLED_HINT.test(message));
}

type ClassifyInput = {
  status: number;
  body: unknown;
  retryAfter: string | null;
  kind: PersonioCallKind;
};

/** Turns a non-success Personio answer into a PersonioError with a stable code. */
export function personioErrorFromResponse(input: ClassifyInput): PersonioError {
  const parsed = readPersonioErrorBody(input.body);
  // Some error bodies arrive with HTTP 200 and `success: false`; trust an HTTP-like `code` then.
  const status =
    input.status >= 400 ? input.status : parsed.code && parsed.code >= 400 && parsed.code < 600 ? parsed.code : 502;
  const code = codeFor(status, parsed, input);
  const field = code === "validation_error" ? fieldFromPersonioError(parsed) : undefined;
  const retryAfterSeconds = code === "rate_limited" ? parseRetryAfter(input.retryAfter) : undefined;
  // A gateway error or a 500 after a write may hide a completed write; a 503 means "not processed".
  const outcomeUnknown = input.kind === "write" && status >= 500 && status !== 503;
  const detail = parsed.message ? ` (HTTP ${status}: ${parsed.message.slice(0, 200)})` : ` (HTTP ${status})`;
  return new PersonioError(code, defaultPersonioMessage(code) + detail, {
    status,
    field,
    retryAfterSeconds,
    outcomeUnknown,
    personioMessage: parsed.message,
  });
}

function codeFor(status: number, parsed: PersonioErrorBody, input: ClassifyInput): PersonioErrorCode {
  const message = parsed.message ?? "";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  if (input.kind === "auth" && [400, 401, 403, 404, 422].includes(status)) {
    return DISABLED_HINT.test(message) ? "credentials_disabled" : "invalid_credentials";
  }
  if (status === 401 || status === 403) {
    if (DISABLED_HINT.test(message)) return "credentials_disabled";
    if (PERMISSION_HINT.test(message)) return "missing_permission";
    if (status === 401) return "invalid_credentials";
    // A 403 about the token itself, even after renewal, means the credentials no longer work;
    // any other 403 means the credential may not do this.
    return TOKEN_HINT.test(message) ? "invalid_credentials" : "missing_permission";
  }
  if (status === 404) return "not_found";
  if (status === 409) return "email_taken";
  if (status === 400 || status === 422) return EMAIL_TAKEN_HINT.test(message) ? "email_taken" : "validation_error";
  return "unexpected";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
