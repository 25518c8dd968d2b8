// Personio's Persons and Employments v2 over the same state as v1: an employee created through
// `POST /v1/company/employees` is the person `GET /v2/persons?email=` finds, and the other way round.
// Machine-readable references, in ./openapi: persons-service-api-v2.json (GET /v2/persons,
// GET /v2/persons/{id}; `Person`), common-components-v2.json (`ErrorResponse`, `CreatedObject`).
// Where no file exists (POST /v2/persons, PATCH …), each field cites its reference page.
import { employmentOrgNames } from "./api-v2-org";
import { issueToken } from "./credentials";
import { applyEmployeeFields, createEmployee, EmployeeValidationError } from "./employees";
import type { SandboxRequest, SandboxResponse } from "./http-types";
import type { SandboxCredential, SandboxEmployee, SandboxState } from "./state";

// Reference pages cited below:
// POST_PERSONS: https://developer.personio.de/reference/post_v2-persons
// PATCH_PERSON: https://developer.personio.de/reference/patch_v2-persons-person-id
// PATCH_EMPLOYMENT: https://developer.personio.de/reference/patch_v2-persons-person-id-employments-employment-id
const ERRORS = "https://developer.personio.de/reference/errors";
const MAX_PERSONS_PAGE = 50; // persons-service-api-v2.json: `limit` 1–50

/** v2's error envelope (common-components-v2.json `ErrorResponse`), as `application/problem+json`. */
export function v2Error(status: number, title: string, detail: string, type: string, meta?: Record<string, string>) {
  return {
    status,
    headers: { "content-type": "application/problem+json" },
    json: {
      personio_trace_id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      errors: [{ title, detail, type: `${ERRORS}#${type}`, ...(meta ? { _meta: meta } : {}) }],
    },
  } satisfies SandboxResponse;
}

/** v2 scope names for a credential's areas (notes §1.4: `personio:persons:read|write`). */
export function v2ScopeString(credential: SandboxCredential): string {
  const { employees } = credential.permissions;
  return [
    ...(employees.read ? ["personio:persons:read", "personio:employments:read"] : []),
    ...(employees.write ? ["personio:persons:write", "personio:employments:write"] : []),
  ].join(" ");
}

// A v2 employment id is a UUID (employment-contract-v2.json); the sandbox derives one per employee.
export function employmentId(employee: SandboxEmployee): string {
  return `00000000-0000-4000-8000-${String(employee.id).padStart(12, "0")}`;
}

/** A `Person` of persons-service-api-v2.json; the person id is v1's employee id as a string (notes §2.5). */
function serializePerson(employee: SandboxEmployee, baseUrl: string) {
  const gender = employee.gender?.toUpperCase();
  return {
    id: String(employee.id),
    email: employee.email,
    created_at: employee.created_at,
    updated_at: employee.last_modified_at,
    first_name: employee.first_name,
    last_name: employee.last_name,
    ...(employee.preferred_name ? { preferred_name: employee.preferred_name } : {}),
    gender: gender === "MALE" || gender === "FEMALE" || gender === "DIVERSE" ? gender : "UNSPECIFIED",
    status: employee.status === "inactive" ? "INACTIVE" : "ACTIVE",
    custom_attributes: Object.entries(employee.custom_attributes).map(([id, value]) => ({
      id,
      // The schema's enum is upper case; its own example says "string" (persons-service-api-v2.json).
      type: "STRING",
      value,
    })),
    employments: [{ id: employmentId(employee) }],
    _meta: { links: { employments: { href: `${baseUrl}/v2/persons/${employee.id}/employments` } } },
  };
}

const json = (status: number, body: unknown): SandboxResponse => ({ status, json: body });

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function baseUrlOf(req: SandboxRequest) {
  return `http://${String(req.headers.host ?? "127.0.0.1")}`;
}

export function handleV2Revoke(state: SandboxState, req: SandboxRequest): SandboxResponse {
  // Authentication reference (credentials-service-api-v2.json): form field `token`, 200 with an empty body.
  const token = record(req.body).token;
  if (typeof token !== "string" || !token) {
    return v2Error(400, "Bad request", "The token field is required.", "common.bad_request");
  }
  for (const credential of state.credentials.values()) {
    if (credential.token?.value === token) credential.token = undefined;
  }
  return { status: 200 };
}

export function listPersons(state: SandboxState, req: SandboxRequest): SandboxResponse {
  const limit = req.query.has("limit") ? Number(req.query.get("limit")) : 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PERSONS_PAGE) {
    return v2Error(400, "Bad request", "Provided request parameters are invalid.", "common.bad_request");
  }
  // `email`: "Filter persons matching one or more provided email addresses" (comma-separated).
  const emails = (req.query.get("email") ?? "")
    .split(",")
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
  const people = [...state.employees.values()].filter(
    (employee) => emails.length === 0 || emails.includes(employee.email.toLowerCase()),
  );
  const base = baseUrlOf(req);
  return json(200, {
    _data: people.slice(0, limit).map((employee) => serializePerson(employee, base)),
    _meta: { links: { self: { href: `${base}/v2/persons` } } },
  });
}

function getPerson(state: SandboxState, id: string): SandboxEmployee | undefined {
  return /^\d+$/.test(id) ? state.employees.get(Number(id)) : undefined;
}

const notFound = () =>
  v2Error(404, "Resource not found", "There is no resource for the specified id.", "common.resource_not_found");

export function readPerson(state: SandboxState, id: string, req: SandboxRequest): SandboxResponse {
  const found = getPerson(state, id);
  return found ? json(200, serializePerson(found, baseUrlOf(req))) : notFound();
}

// POST /v2/persons (POST_PERSONS): first_name and last_name required; email "must be unique : 2+
// employees cannot have the same email"; employments[] with position.title, employment_start_date,
// weekly_working_hours, supervisor.id, status (upper case). The duplicate's body is unverified
// (notes §2.4): a 400 problem+json, as the notes' stand-in suggestions say.
export function createPerson(state: SandboxState, req: SandboxRequest): SandboxResponse {
  const body = record(req.body);
  const missing = ["first_name", "last_name"].filter((field) => typeof body[field] !== "string" || !body[field]);
  if (missing.length > 0) {
    return v2Error(400, "Bad request", `The ${missing[0]} field is required.`, "common.bad_request", {
      field: missing[0]!,
    });
  }
  const email = typeof body.email === "string" ? body.email.trim() : "";
  if (email && [...state.employees.values()].some((e) => e.email.toLowerCase() === email.toLowerCase())) {
    return v2Error(
      400,
      "Email must be unique",
      "The email must be unique : 2+ employees cannot have the same email.",
      "persons.email_not_unique",
      { field: "email" },
    );
  }
  try {
    const created = createEmployee(state, {
      ...personFields(body),
      ...employmentFields(state, firstEmployment(body)),
    });
    // CreatedObject (common-components-v2.json): `id` and `_meta.links`; 201 per POST_PERSONS.
    return json(201, {
      id: String(created.id),
      _meta: { links: { self: { href: `${baseUrlOf(req)}/v2/persons/${created.id}` } } },
    });
  } catch (error) {
    if (!(error instanceof EmployeeValidationError)) throw error;
    return v2Error(400, "Bad request", error.message, "common.bad_request", { field: error.field });
  }
}

// PATCH /v2/persons/{person_id} (PATCH_PERSON): the person's own fields; email is not changed here.
export function patchPerson(state: SandboxState, id: string, req: SandboxRequest): SandboxResponse {
  const found = getPerson(state, id);
  if (!found) return notFound();
  return applyV2(state, found, () => personFields(record(req.body)), req);
}

// PATCH /v2/persons/{person_id}/employments/{employment_id} (PATCH_EMPLOYMENT).
export function patchEmployment(
  state: SandboxState,
  id: string,
  employment: string,
  req: SandboxRequest,
): SandboxResponse {
  const found = getPerson(state, id);
  if (!found) return notFound();
  if (employment !== employmentId(found)) {
    return v2Error(
      404,
      "Resource not found",
      "There is no resource for the specified id.",
      "common.resource_not_found",
    );
  }
  return applyV2(state, found, () => employmentFields(state, record(req.body)), req);
}

function applyV2(
  state: SandboxState,
  employee: SandboxEmployee,
  fields: () => Record<string, unknown>,
  req: SandboxRequest,
) {
  try {
    applyEmployeeFields(state, employee, fields());
    return json(200, serializePerson(employee, baseUrlOf(req)));
  } catch (error) {
    if (!(error instanceof EmployeeValidationError)) throw error;
    return v2Error(400, "Bad request", error.message, "common.bad_request", { field: error.field });
  }
}

function firstEmployment(body: Record<string, unknown>): Record<string, unknown> {
  return Array.isArray(body.employments) ? record(body.employments[0]) : {};
}

/** v2 person fields in v1's state names. */
function personFields(body: Record<string, unknown>): Record<string, unknown> {
  const custom = Array.isArray(body.custom_attributes) ? body.custom_attributes.map(record) : [];
  return {
    email: body.email,
    first_name: body.first_name,
    last_name: body.last_name,
    preferred_name: body.preferred_name,
    gender: typeof body.gender === "string" ? body.gender.toLowerCase() : undefined,
    ...(custom.length > 0
      ? { custom_attributes: Object.fromEntries(custom.map((item) => [String(item.id), String(item.value)])) }
      : {}),
  };
}

/** v2 employment fields (references by id) in v1's state names. */
function employmentFields(state: SandboxState, employment: Record<string, unknown>): Record<string, unknown> {
  const supervisor = record(employment.supervisor).id;
  return {
    ...employmentOrgNames(state, employment),
    position: record(employment.position).title,
    hire_date: employment.employment_start_date,
    weekly_working_hours: employment.weekly_working_hours,
    status: typeof employment.status === "string" ? employment.status.toLowerCase() : undefined,
    ...(supervisor !== undefined ? { supervisor_id: Number(supervisor) } : {}),
  };
}

/** The token endpoint's answer with v2 scope names. */
export function v2TokenAnswer(credential: SandboxCredential): SandboxResponse {
  const token = issueToken(credential);
  return json(200, {
    access_token: token.value,
    token_type: "Bearer",
    expires_in: Math.floor((token.expiresAt - Date.now()) / 1000),
    scope: v2ScopeString(credential),
  });
}
