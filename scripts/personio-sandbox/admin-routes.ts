import {
  generateCredential,
  publicCredential,
  SandboxInputError,
  SandboxNotFoundError,
  setCredentialStatus,
  updateCredential,
} from "./credentials";
import { createEmployee, EmployeeValidationError } from "./employees";
import { API_ENDPOINTS, json, type SandboxRequest, type SandboxResponse } from "./http-types";
import { FAULT_KINDS, randomId, type CredentialInput, type Fault, type SandboxState } from "./state";

export type AdminContext = { state: SandboxState; reset: () => void };

/** Test and demo control under /__sandbox/ (JSON in, JSON out). Never part of Personio's API. */
export function handleAdmin(ctx: AdminContext, req: SandboxRequest): SandboxResponse {
  try {
    return route(ctx, req);
  } catch (error) {
    if (error instanceof SandboxNotFoundError) return json(404, { error: error.message });
    if (error instanceof SandboxInputError || error instanceof EmployeeValidationError)
      return json(400, { error: error.message });
    throw error;
  }
}

function route({ state, reset }: AdminContext, req: SandboxRequest): SandboxResponse {
  const path = req.path.replace(/^\/__sandbox/, "").replace(/\/+$/, "") || "/";
  const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<string, unknown>;
  const key = `${req.method} ${path}`;
  const credentialMatch = /^\/credentials\/([^/]+)(?:\/(disable|enable))?$/.exec(path);
  const faultMatch = /^\/faults\/([^/]+)$/.exec(path);

  switch (key) {
    case "GET /health":
      return json(200, { ok: true });
    case "POST /reset":
      reset();
      return json(200, { ok: true });
    case "GET /counters":
      return json(200, { counters: Object.fromEntries(state.counters) });
    case "DELETE /counters":
      state.counters.clear();
      return json(200, { ok: true });
    case "GET /requests":
      return json(200, { requests: state.requests });
    case "DELETE /requests":
      state.requests.length = 0;
      return json(200, { ok: true });
    case "GET /faults":
      return json(200, { faults: state.faults });
    case "POST /faults":
      return json(200, { fault: addFault(state, body) });
    case "DELETE /faults": {
      const endpoint = req.query.get("endpoint");
      state.faults = endpoint ? state.faults.filter((fault) => fault.endpoint !== endpoint) : [];
      return json(200, { ok: true });
    }
    case "GET /employees":
      return json(200, { employees: [...state.employees.values()] });
    case "GET /documents":
      return json(200, { documents: state.documents });
    case "POST /employees": {
      const list = Array.isArray(body.employees) ? body.employees : [body];
      const created = list.map((item) => createEmployee(state, toSnakeEmployee(item), [], { seed: true }));
      return json(200, { employees: created });
    }
    case "GET /credentials":
      return json(200, {
        credentials: [...state.credentials.values()].filter((c) => c.status !== "removed").map(publicCredential),
      });
    case "POST /credentials": {
      const credential = generateCredential(state, body as CredentialInput);
      return json(200, { credential: publicCredential(credential), clientSecret: credential.clientSecret });
    }
    case "POST /tokens/expire":
      // As if 24 hours had passed: every issued token stops working and clients must re-authenticate.
      for (const credential of state.credentials.values()) credential.token = undefined;
      return json(200, { ok: true });
    case "GET /rate-limits":
      return json(200, { limits: state.limits });
    case "PUT /rate-limits":
      state.limits = mergeNumbers(state.limits, body);
      state.hits.clear();
      state.lockedUntil.clear();
      return json(200, { limits: state.limits });
    case "GET /behaviour":
      return json(200, { behaviour: state.behaviour });
    case "PUT /behaviour":
      state.behaviour = { ...state.behaviour, ...(body as Partial<SandboxState["behaviour"]>) };
      return json(200, { behaviour: state.behaviour });
  }
  if (credentialMatch?.[1]) {
    const clientId = decodeURIComponent(credentialMatch[1]);
    const action = credentialMatch[2];
    if (req.method === "PATCH" && !action)
      return json(200, { credential: publicCredential(updateCredential(state, clientId, body)) });
    if (req.method === "DELETE" && !action)
      return json(200, { credential: publicCredential(setCredentialStatus(state, clientId, "removed")) });
    if (req.method === "POST" && action) {
      const status = action === "disable" ? "disabled" : "active";
      return json(200, { credential: publicCredential(setCredentialStatus(state, clientId, status)) });
    }
  }
  if (faultMatch?.[1] && req.method === "DELETE") {
    state.faults = state.faults.filter((fault) => fault.id !== faultMatch[1]);
    return json(200, { ok: true });
  }
  return json(404, { error: `unknown admin route ${key}` });
}

function addFault(state: SandboxState, body: Record<string, unknown>): Fault {
  const kind = body.kind as Fault["kind"];
  if (!FAULT_KINDS.includes(kind)) throw new SandboxInputError(`kind must be one of ${FAULT_KINDS.join(", ")}`);
  const endpoint = typeof body.endpoint === "string" ? body.endpoint : "*";
  if (endpoint !== "*" && !(API_ENDPOINTS as readonly string[]).includes(endpoint)) {
    throw new SandboxInputError(`endpoint must be "*" or one of ${API_ENDPOINTS.join(", ")}`);
  }
  const status = body.status === undefined ? undefined : Number(body.status);
  if (kind === "status" && (!status || status < 400 || status > 599))
    throw new SandboxInputError("status fault needs a 4xx/5xx status");
  const fault: Fault = {
    id: randomId("fault-", 6),
    endpoint,
    kind,
    latencyMs: body.latencyMs === undefined ? undefined : Number(body.latencyMs),
    status,
    retryAfterSeconds: body.retryAfterSeconds === undefined ? undefined : Number(body.retryAfterSeconds),
    field: typeof body.field === "string" && body.field ? body.field : undefined,
    remaining: body.times === undefined ? undefined : Number(body.times),
  };
  state.faults.push(fault);
  return fault;
}

/** Seeding accepts both the client's camelCase and Personio's snake_case field names. */
function toSnakeEmployee(item: unknown): Record<string, unknown> {
  const record = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
  const snake: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) snake[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
  return snake;
}

function mergeNumbers<T>(target: T, patch: Record<string, unknown>): T {
  const result = structuredClone(target) as Record<string, Record<string, number>>;
  for (const [group, values] of Object.entries(patch)) {
    const current = result[group];
    if (!current || typeof values !== "object" || values === null) continue;
    for (const [name, value] of Object.entries(values))
      if (name in current && Number.isFinite(Number(value))) current[name] = Number(value);
  }
  return result as T;
}
