import type { IncomingHttpHeaders } from "node:http";

export type SandboxRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  contentType: string;
  /** Parsed JSON, or an object of fields for form and multipart bodies. */
  body: unknown;
  files: Record<string, { name: string; size: number }>;
};

export type SandboxResponse = {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  html?: string;
};

export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, json: body, headers };
}

/** Personio's v1 error envelope. */
export function v1Error(
  status: number,
  message: string,
  code: number = status,
  extra?: Record<string, unknown>,
): SandboxResponse {
  return json(status, { success: false, error: { code, message, ...extra } });
}

export function redirect(location: string): SandboxResponse {
  return { status: 303, headers: { location } };
}

export const API_ENDPOINTS = [
  "POST /v1/auth",
  "POST /v2/auth/token",
  "GET /v1/company/employees",
  "POST /v1/company/employees",
  "GET /v1/company/employees/attributes",
  "GET /v1/company/employees/custom-attributes",
  "GET /v1/company/employees/{id}",
  "PATCH /v1/company/employees/{id}",
  "GET /v1/company/document-categories",
  "POST /v1/company/documents",
  // Persons and Employments v2 (api-v2.ts), over the same employees.
  "POST /v2/auth/revoke",
  "GET /v2/persons",
  "POST /v2/persons",
  "GET /v2/persons/{id}",
  "PATCH /v2/persons/{id}",
  "PATCH /v2/persons/{id}/employments/{employment_id}",
  "GET /v2/legal-entities",
] as const;

export type ApiEndpoint = (typeof API_ENDPOINTS)[number];

/** Maps a request to its endpoint key (the unit of counters and faults) and path parameters. */
export function matchApiEndpoint(
  method: string,
  path: string,
): { endpoint: ApiEndpoint; id?: string; subId?: string } | undefined {
  const direct = `${method} ${path.replace(/\/+$/, "")}`;
  const exact = API_ENDPOINTS.find((endpoint) => endpoint === direct);
  if (exact) return { endpoint: exact };
  const person = /^\/v2\/persons\/([^/]+)(?:\/employments\/([^/]+))?$/.exec(path);
  if (person?.[1]) {
    if (person[2] && method === "PATCH")
      return { endpoint: "PATCH /v2/persons/{id}/employments/{employment_id}", id: person[1], subId: person[2] };
    if (!person[2] && (method === "GET" || method === "PATCH"))
      return { endpoint: method === "GET" ? "GET /v2/persons/{id}" : "PATCH /v2/persons/{id}", id: person[1] };
  }
  const match = /^\/v1\/company\/employees\/([^/]+)$/.exec(path);
  if (match?.[1] && (method === "GET" || method === "PATCH")) {
    return {
      endpoint: method === "GET" ? "GET /v1/company/employees/{id}" : "PATCH /v1/company/employees/{id}",
      id: match[1],
    };
  }
  return undefined;
}
