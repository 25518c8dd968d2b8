import "server-only";

import { isRecord, parsePersonioEmployee, sameEmail, type PersonioEmployee } from "./employee";
import { defaultPersonioMessage, PersonioError } from "./errors";
import { createPersonioHttp, type PersonioClientConfig } from "./http";
import { toEmployeePayload, type PersonioEmployeeInput } from "./payload";

export type { PersonioClientConfig } from "./http";
export { clearPersonioTokenCache } from "./token-cache";

// What the recruiter sees to judge a match (shown in the dialog, never stored).
export type PersonioEmployeeMatch = { id: number; firstName?: string; lastName?: string; position?: string };

const toMatch = (employee: PersonioEmployee): PersonioEmployeeMatch => ({
  id: employee.id,
  firstName: employee.firstName,
  lastName: employee.lastName,
  position: employee.position,
});

export type PersonioClient = {
  /** Checks the credentials with Personio. Makes a fresh auth call unless `reuseCachedToken` is set. */
  authenticate(options?: { reuseCachedToken?: boolean }): Promise<{ scopes: string[] }>;
  /** Names come back only where the credential may read them; they are for display, never stored. */
  findEmployeeByEmail(email: string): Promise<PersonioEmployeeMatch | null>;
  /** Never retried: on `outcomeUnknown` errors the caller reconciles by email. */
  createEmployee(input: PersonioEmployeeInput): Promise<{ id: number }>;
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

  async function createEmployee(input: PersonioEmployeeInput): Promise<{ id: number }> {
    const res = await http.call("write", "POST", "/v1/company/employees", {
      json: { employee: toEmployeePayload(input) },
    });
    return { id: readCreatedId(res?.body) };
  }

  return {
    authenticate: (options = {}) => http.guard(() => http.authenticate(!options.reuseCachedToken)),
    findEmployeeByEmail: (email) => http.guard(() => findEmployeeByEmail(email)),
    createEmployee: (input) => http.guard(() => createEmployee(input)),
  };
}

function readCreatedId(body: unknown): number {
  const data = isRecord(body) ? body.data : undefined;
  const id = Number(isRecord(data) ? data.id : undefined);
  if (Number.isInteger(id) && id > 0) return id;
  // Personio said "success" without an id: the write probably happened, so reconcile by email.
  throw unexpected("success response without an id");
}

function unexpected(detail: string): PersonioError {
  return new PersonioError("unexpected", `${defaultPersonioMessage("unexpected")} (${detail})`, { outcomeUnknown: true });
}

