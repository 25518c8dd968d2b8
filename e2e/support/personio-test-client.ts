// The Personio client as the app ships it, plus the call only tests make: reading an employee
// back (document categories and uploads, updating, listing and attributes the app now ships). It goes through the same
// HTTP layer (token cache, retries, read spacing, error classification, redaction), so the tests
// and the contract check exercise every endpoint the sandbox serves.
import { createPersonioClient, type PersonioClient, type PersonioClientConfig } from "@/lib/personio/client";
import { isRecord, parsePersonioEmployee, type PersonioEmployee } from "@/lib/personio/employee";
import { defaultPersonioMessage, PersonioError } from "@/lib/personio/errors";
import { createPersonioHttp } from "@/lib/personio/http";

export type { PersonioAttributeDefinition, PersonioEmployeeUpdate } from "@/lib/personio/client";

export type { PersonioDocumentCategory, PersonioDocumentUpload } from "@/lib/personio/client";

export type PersonioTestClient = PersonioClient & {
  getEmployee(id: number): Promise<PersonioEmployee>;
};

export function createPersonioTestClient(config: PersonioClientConfig): PersonioTestClient {
  // A second HTTP layer on the same config shares the token cache and read spacing (both keyed
  // by base URL and credential), as two clients in the app do.
  const http = createPersonioHttp(config);

  async function getEmployee(id: number): Promise<PersonioEmployee> {
    const res = await http.call("read", "GET", `/v1/company/employees/${encodeURIComponent(String(id))}`);
    const employee = isRecord(res?.body) ? parsePersonioEmployee(res.body.data) : null;
    if (!employee) throw unexpected("employee response without an id", false);
    return employee;
  }

  return {
    ...createPersonioClient(config),
    getEmployee: (id) => http.guard(() => getEmployee(id)),
  };
}

function unexpected(detail: string, outcomeUnknown: boolean): PersonioError {
  return new PersonioError("unexpected", `${defaultPersonioMessage("unexpected")} (${detail})`, { outcomeUnknown });
}
