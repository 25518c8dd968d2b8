import { randomBytes } from "node:crypto";

export const AREAS = ["employees", "attendances", "absences", "documents"] as const;
export type Area = (typeof AREAS)[number];
export type AreaPermission = { read: boolean; write: boolean };
export type Permissions = Record<Area, AreaPermission>;
export type CredentialStatus = "active" | "disabled" | "removed";

export type SandboxCredential = {
  clientId: string;
  clientSecret: string;
  name: string;
  integration: string;
  permissions: Permissions;
  readableAttributes: string[];
  status: CredentialStatus;
  createdAt: string;
  token?: { value: string; expiresAt: number };
};

export type CredentialInput = {
  name: string;
  clientId?: string;
  clientSecret?: string;
  integration?: string;
  permissions?: Partial<Record<Area, Partial<AreaPermission>>>;
  readableAttributes?: string[];
};

export type SandboxEmployee = {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  preferred_name?: string;
  gender?: string;
  position?: string;
  department?: string;
  office?: string;
  subcompany?: string;
  hire_date?: string;
  weekly_working_hours?: number;
  status: string;
  supervisor_id?: number;
  custom_attributes: Record<string, string>;
  created_at: string;
  last_modified_at: string;
};

export type SandboxDocument = {
  id: number;
  employeeId: number;
  categoryId: number;
  title: string;
  date?: string;
  comment?: string;
  fileName: string;
  size: number;
};

// "hang-after-processing": the request takes effect (e.g. the employee is created), then no answer
// ever comes: the window in which an app process may die before recording the result.
// "hold": the request waits, then is answered as usual, once the fault is cleared (a test keeps
// requests in flight for exactly as long as it needs them there; `remaining` does not apply).
export const FAULT_KINDS = [
  "latency",
  "hold",
  "status",
  "hang",
  "reset",
  "lose-response",
  "hang-after-processing",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type Fault = {
  id: string;
  /** An endpoint key such as "POST /v1/company/employees", or "*" for every API endpoint. */
  endpoint: string;
  kind: FaultKind;
  latencyMs?: number;
  status?: number;
  retryAfterSeconds?: number;
  /** For a 422 status fault: the field Personio names in `error_data`, as for a rejected value. */
  field?: string;
  /** How many more requests this fault hits; undefined = until cleared. */
  remaining?: number;
};

export type RateLimits = {
  auth: { perMinute: number; cooldownSeconds: number };
  v2Token: { perMinute: number; cooldownSeconds: number };
  employeesGet: { perMinute: number; perSecond: number };
  documents: { perMinute: number };
  global: { perMinute: number };
};

/** Switches for behaviours the notes mark UNVERIFIED, so the client can be tested against each. */
export type Behaviour = {
  wrongCredentialsStatus: 401 | 403;
  emailFilterMiss: "empty" | "not_found";
  tokenInResponseHeader: boolean;
  /** Personio's pre-2023 behaviour: each answer carries a new token and the used one is void. */
  rotateTokens: boolean;
  retryAfterOn429: boolean;
  /** A fault switch: every office is ignored "with a meta error", as for a name Personio lacks. */
  ignoreOffices: boolean;
  /**
   * Rate-limit headers on every answer of a rate-limited endpoint, in one of the common forms; off
   * by default: Personio's own headers are unverified (notes, rate limits).
   */
  rateLimitHeaders: RateLimitHeaderStyle;
};

export const RATE_LIMIT_HEADER_STYLES = ["off", "x-ratelimit", "ietf"] as const;
export type RateLimitHeaderStyle = (typeof RATE_LIMIT_HEADER_STYLES)[number];

/** The org units the account has: v1 create/PATCH apply only these names and ignore others. */
export type OrgUnits = { department: string[]; office: string[]; subcompany: string[] };

export const DEFAULT_ORG_UNITS: OrgUnits = {
  department: ["Customer Support", "Engineering", "People", "Sales"],
  office: ["Berlin", "London", "Madrid", "Munich"],
  subcompany: ["ACME GmbH", "ACME Ltd."],
};

// Each org unit's id: v1 lists it beside the name (`{type: "Department", attributes: {id, name}}`),
// v2 takes it as the reference (`org_units[{type, id}]`, `office.id`, `legal_entity.id`). Ids follow
// the order units were added in, from a base per kind, so they never change while the sandbox runs.
const ORG_UNIT_ID_BASE: Record<keyof OrgUnits, number> = { department: 281521, office: 131014, subcompany: 7033 };

export function orgUnitId(state: { orgUnits: OrgUnits }, kind: keyof OrgUnits, name: string): number | undefined {
  const index = state.orgUnits[kind].indexOf(name);
  return index < 0 ? undefined : ORG_UNIT_ID_BASE[kind] + index;
}

export function orgUnitName(state: { orgUnits: OrgUnits }, kind: keyof OrgUnits, id: unknown): string | undefined {
  const index = Number(id) - ORG_UNIT_ID_BASE[kind];
  return typeof id === "string" && /^\d+$/.test(id) ? state.orgUnits[kind][index] : undefined;
}

export type RecordedExchange = {
  /** When the request arrived (ms since the epoch): the rate-limit ledger's clock. */
  at: number;
  endpoint: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  contentType: string;
  body: unknown;
  status?: number;
  responseBody?: unknown;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  auth: { perMinute: 60, cooldownSeconds: 60 },
  v2Token: { perMinute: 150, cooldownSeconds: 60 },
  employeesGet: { perMinute: 300, perSecond: 15 },
  documents: { perMinute: 60 },
  global: { perMinute: 2000 },
};

export const DEFAULT_BEHAVIOUR: Behaviour = {
  wrongCredentialsStatus: 403,
  emailFilterMiss: "empty",
  tokenInResponseHeader: true,
  rotateTokens: false,
  retryAfterOn429: true,
  ignoreOffices: false,
  rateLimitHeaders: "off",
};

export type SandboxState = {
  credentials: Map<string, SandboxCredential>;
  employees: Map<number, SandboxEmployee>;
  documents: SandboxDocument[];
  nextEmployeeId: number;
  nextDocumentId: number;
  faults: Fault[];
  counters: Map<string, number>;
  limits: RateLimits;
  behaviour: Behaviour;
  orgUnits: OrgUnits;
  requests: RecordedExchange[];
  hits: Map<string, number[]>;
  lockedUntil: Map<string, number>;
};

export function createState(): SandboxState {
  return {
    credentials: new Map(),
    employees: new Map(),
    documents: [],
    nextEmployeeId: 1001,
    nextDocumentId: 1,
    faults: [],
    counters: new Map(),
    limits: structuredClone(DEFAULT_RATE_LIMITS),
    behaviour: { ...DEFAULT_BEHAVIOUR },
    orgUnits: structuredClone(DEFAULT_ORG_UNITS),
    requests: [],
    hits: new Map(),
    lockedUntil: new Map(),
  };
}

export function randomId(prefix: string, bytes = 12): string {
  return `${prefix}${randomBytes(bytes).toString("hex")}`;
}
