import "server-only";

// undici's FormData: the class its request() sends (lib/personio/transport.ts).
import { FormData } from "undici";

import { createPersonioV2Operations } from "./client-v2";
import { isRecord, parsePersonioEmployee, sameEmail, type PersonioEmployee } from "./employee";
import { defaultPersonioMessage, PersonioError } from "./errors";
import { createPersonioHttp, type PersonioApiVersion, type PersonioClientConfig } from "./http";
import { toEmployeePayload, type PersonioEmployeeInput } from "./payload";

export type { PersonioEmployee } from "./employee";

export type { PersonioApiVersion, PersonioClientConfig } from "./http";
export { clearPersonioTokenCache } from "./token-cache";
export { clearRateLimitHolds } from "./rate-limit-hold";

// What the recruiter sees to judge a match (shown in the dialog, never stored).
export type PersonioEmployeeMatch = { id: number; firstName?: string; lastName?: string; position?: string };

export type PersonioEmployeeUpdate = Partial<Omit<PersonioEmployeeInput, "email">>;

/** An attribute the credential may read, as `/company/employees/attributes` lists it. */
export type PersonioAttributeDefinition = {
  key: string;
  label?: string;
  type?: string;
  universalId?: string | null;
  options: string[];
};

/**
 * What Personio accepted but did not apply: v1 ignores an unknown department, office or
 * subcompany "with showing meta error in the response" instead of refusing. The shape of that
 * meta is not documented (PATCH's is `meta: string[]`), so every entry is kept as text.
 */
export type PersonioWriteResult = { id: number; warnings: string[] };

const toMatch = (employee: PersonioEmployee): PersonioEmployeeMatch => ({
  id: employee.id,
  firstName: employee.firstName,
  lastName: employee.lastName,
  position: employee.position,
});

export type PersonioClient = {
  /**
   * v1 sends look the email up before creating; v2 creates first (v2 keeps emails unique per
   * person) and looks up only after a conflict or an uncertain outcome.
   */
  apiVersion: PersonioApiVersion;
  /** Ends the credential's token on Personio's side where the API can (v2); forgets it here. */
  revokeToken(): Promise<void>;
  /** Checks the credentials with Personio. Makes a fresh auth call unless `reuseCachedToken` is set. */
  authenticate(options?: { reuseCachedToken?: boolean }): Promise<{ scopes: string[] }>;
  /** Names come back only where the credential may read them; they are for display, never stored. */
  findEmployeeByEmail(email: string): Promise<PersonioEmployeeMatch | null>;
  /** Never retried: on `outcomeUnknown` errors the caller reconciles by email. */
  createEmployee(input: PersonioEmployeeInput): Promise<PersonioWriteResult>;
  /** PATCH with only the given fields; Personio does not let the email change. Never retried. */
  updateEmployee(id: number, update: PersonioEmployeeUpdate): Promise<PersonioWriteResult>;
  /** The attributes the credential may read, custom `dynamic_*` ones included, with list options. */
  listEmployeeAttributes(): Promise<PersonioAttributeDefinition[]>;
  /** One page of employees (at most 100, Personio's limit), optionally projected to some attributes. */
  listEmployees(options?: {
    limit?: number;
    offset?: number;
    attributes?: string[];
  }): Promise<{ employees: PersonioEmployee[]; total: number }>;
  /** v2 only, `GET /v2/legal-entities`: every legal entity's id and name (all pages). */
  listLegalEntities?(): Promise<Array<{ id: string; name: string }>>;
  /** `GET /company/document-categories`: the categories of the employee file. */
  listDocumentCategories(): Promise<PersonioDocumentCategory[]>;
  /** `POST /company/documents` (multipart, 60 a minute, 30 MB). Never retried: not idempotent. */
  uploadDocument(input: PersonioDocumentUpload): Promise<{ id: number }>;
};

export type PersonioDocumentCategory = { id: number; name: string };

export type PersonioDocumentUpload = {
  employeeId: number;
  categoryId: number;
  title: string;
  /** Read from disk as it is sent (fs.openAsBlob), never held whole in memory. */
  file: Blob;
  fileName: string;
  /** Optional, Y-m-d. */
  date?: string;
  comment?: string;
};

const MAX_PAGE = 100;
// Bounds the scan when a server ignores the email filter and returns everyone.
const MAX_EMAIL_SCAN_PAGES = 20;

export function createPersonioClient(config: PersonioClientConfig): PersonioClient {
  const http = createPersonioHttp(config);

  async function fetchEmployeePage(query: Record<string, string>): Promise<PersonioEmployee[] | null> {
    const res = await http.call("read", "GET", "/v1/company/employees", { query, notFoundIsEmpty: true });
    if (res === null) return null;
    const rows = isRecord(res.body) && Array.isArray(res.body.data) ? res.body.data : [];
    return rows.map(parsePersonioEmployee).filter((employee) => employee !== null);
  }

  async function findEmployeeByEmail(email: string): Promise<PersonioEmployeeMatch | null> {
    const filtered = await fetchEmployeePage({ email });
    if (filtered === null || filtered.length === 0) return null;
    const match = filtered.find((employee) => sameEmail(employee.email, email));
    if (match) return toMatch(match);
    // Without a readable email attribute the server's filter is all there is to go on.
    const first = filtered[0];
    if (first && filtered.every((employee) => employee.email === undefined)) return toMatch(first);
    // Other people came back: the filter was ignored, so scan the pages here.
    for (let page = 0; page < MAX_EMAIL_SCAN_PAGES; page += 1) {
      const query = { email, limit: String(MAX_PAGE), offset: String(page * MAX_PAGE) };
      const employees = await fetchEmployeePage(query);
      const found = employees?.find((employee) => sameEmail(employee.email, email));
      if (found) return toMatch(found);
      if (!employees || employees.length < MAX_PAGE) return null;
    }
    return null;
  }

  async function createEmployee(input: PersonioEmployeeInput): Promise<PersonioWriteResult> {
    const res = await http.call("write", "POST", "/v1/company/employees", {
      json: { employee: toEmployeePayload(input) },
    });
    return { id: readCreatedId(res?.body), warnings: readMetaWarnings(res?.body) };
  }

  async function updateEmployee(id: number, update: PersonioEmployeeUpdate): Promise<PersonioWriteResult> {
    const { email: _email, ...payload } = toEmployeePayload(update);
    const res = await http.call("write", "PATCH", `/v1/company/employees/${encodeURIComponent(String(id))}`, {
      json: { employee: payload },
    });
    const data = isRecord(res?.body) ? res.body.data : undefined;
    const answered = Number(isRecord(data) ? data.id : undefined);
    return { id: Number.isInteger(answered) && answered > 0 ? answered : id, warnings: readMetaWarnings(res?.body) };
  }

  async function listEmployeeAttributes(): Promise<PersonioAttributeDefinition[]> {
    const res = await http.call("read", "GET", "/v1/company/employees/attributes");
    return parseAttributeDefinitions(res?.body);
  }

  async function listEmployees(options: { limit?: number; offset?: number; attributes?: string[] } = {}) {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), MAX_PAGE);
    const query: Record<string, string> = { limit: String(limit), offset: String(Math.max(options.offset ?? 0, 0)) };
    const res = await http.call("read", "GET", "/v1/company/employees", {
      query,
      arrayQuery: { "attributes[]": options.attributes ?? [] },
    });
    const body = isRecord(res?.body) ? res.body : {};
    const employees = (Array.isArray(body.data) ? body.data : []).map(parsePersonioEmployee).filter((e) => e !== null);
    const total = isRecord(body.metadata) ? Number(body.metadata.total_elements) : NaN;
    return { employees, total: Number.isFinite(total) ? total : employees.length };
  }

  async function listDocumentCategories(): Promise<PersonioDocumentCategory[]> {
    const res = await http.call("read", "GET", "/v1/company/document-categories");
    const data = isRecord(res?.body) && Array.isArray(res.body.data) ? res.body.data : [];
    return data.flatMap((item: unknown) => {
      if (!isRecord(item)) return [];
      const id = Number(item.id);
      const name = isRecord(item.attributes) ? item.attributes.name : undefined;
      return Number.isInteger(id) && typeof name === "string" ? [{ id, name }] : [];
    });
  }

  async function uploadDocument(input: PersonioDocumentUpload): Promise<{ id: number }> {
    const form = new FormData();
    form.append("title", input.title);
    form.append("employee_id", String(input.employeeId));
    form.append("category_id", String(input.categoryId));
    if (input.date) form.append("date", input.date);
    if (input.comment) form.append("comment", input.comment);
    form.append("file", input.file, input.fileName);
    const res = await http.call("write", "POST", "/v1/company/documents", { form });
    return { id: readCreatedId(res?.body) };
  }

  const v1: PersonioClient = {
    apiVersion: "v1",
    revokeToken: () => http.guard(http.revokeToken),
    listDocumentCategories: () => http.guard(listDocumentCategories),
    uploadDocument: (input) => http.guard(() => uploadDocument(input)),
    authenticate: (options = {}) => http.guard(() => http.authenticate(!options.reuseCachedToken)),
    findEmployeeByEmail: (email) => http.guard(() => findEmployeeByEmail(email)),
    createEmployee: (input) => http.guard(() => createEmployee(input)),
    updateEmployee: (id, update) => http.guard(() => updateEmployee(id, update)),
    listEmployeeAttributes: () => http.guard(listEmployeeAttributes),
    listEmployees: (options) => http.guard(() => listEmployees(options)),
  };
  return http.apiVersion === "v2" ? { ...v1, ...createPersonioV2Operations(http, config.orgIds) } : v1;
}

function readCreatedId(body: unknown): number {
  const data = isRecord(body) ? body.data : undefined;
  const id = Number(isRecord(data) ? data.id : undefined);
  if (Number.isInteger(id) && id > 0) return id;
  // Personio said "success" without an id: the write probably happened, so reconcile by email.
  throw unexpected("success response without an id");
}

/** `meta` entries as text, whatever their shape (strings, `{message}` objects, an object of them). */
export function readMetaWarnings(body: unknown): string[] {
  const meta = isRecord(body) ? (body.meta ?? (isRecord(body.data) ? body.data.meta : undefined)) : undefined;
  const entries = Array.isArray(meta) ? meta : isRecord(meta) ? Object.values(meta) : [];
  return entries.flatMap((entry): string[] => {
    if (typeof entry === "string") return entry.trim() ? [entry.trim()] : [];
    if (isRecord(entry)) {
      const text = [entry.field, entry.message ?? entry.detail ?? entry.title]
        .filter((part) => typeof part === "string")
        .join(": ");
      return text ? [text] : [JSON.stringify(entry)];
    }
    return [];
  });
}

function parseAttributeDefinitions(raw: unknown): PersonioAttributeDefinition[] {
  const data = isRecord(raw) && Array.isArray(raw.data) ? raw.data : [];
  return data.flatMap((item: unknown) => {
    if (!isRecord(item) || typeof item.key !== "string") return [];
    return [
      {
        key: item.key,
        label: typeof item.label === "string" ? item.label : undefined,
        type: typeof item.type === "string" ? item.type : undefined,
        universalId:
          typeof item.universal_id === "string" || item.universal_id === null ? item.universal_id : undefined,
        options: Array.isArray(item.options) ? item.options.map(String) : [],
      },
    ];
  });
}

function unexpected(detail: string): PersonioError {
  return new PersonioError("unexpected", `${defaultPersonioMessage("unexpected")} (${detail})`, {
    outcomeUnknown: true,
  });
}
