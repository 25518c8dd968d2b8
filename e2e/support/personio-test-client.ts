// The Personio client as the app ships it, plus the calls only tests make: reading an employee
// back, document categories and uploads (updating, listing and attributes the app now ships). They go through the same
// HTTP layer (token cache, retries, read spacing, error classification, redaction), so the tests
// and the contract check exercise every endpoint the sandbox serves.
import { createPersonioClient, type PersonioClient, type PersonioClientConfig } from "@/lib/personio/client";
import { isRecord, parsePersonioEmployee, type PersonioEmployee } from "@/lib/personio/employee";
import { defaultPersonioMessage, PersonioError } from "@/lib/personio/errors";
import { createPersonioHttp } from "@/lib/personio/http";

export type { PersonioAttributeDefinition, PersonioEmployeeUpdate } from "@/lib/personio/client";

export type PersonioDocumentCategory = { id: number; name: string };

export type PersonioDocumentUpload = {
  employeeId: number;
  categoryId: number;
  title: string;
  file: Blob;
  fileName: string;
  date?: string;
  comment?: string;
};

export type PersonioTestClient = PersonioClient & {
  getEmployee(id: number): Promise<PersonioEmployee>;
  listDocumentCategories(): Promise<PersonioDocumentCategory[]>;
  uploadDocument(upload: PersonioDocumentUpload): Promise<{ id: number }>;
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

  async function listDocumentCategories() {
    const res = await http.call("read", "GET", "/v1/company/document-categories");
    return parseDocumentCategories(res?.body);
  }

  async function uploadDocument(upload: PersonioDocumentUpload): Promise<{ id: number }> {
    const form = new FormData();
    form.set("title", upload.title);
    form.set("employee_id", String(upload.employeeId));
    form.set("category_id", String(upload.categoryId));
    if (upload.date) form.set("date", upload.date);
    if (upload.comment) form.set("comment", upload.comment);
    form.set("file", upload.file, upload.fileName);
    const res = await http.call("write", "POST", "/v1/company/documents", { form });
    return { id: readCreatedId(res?.body) };
  }

  return {
    ...createPersonioClient(config),
    getEmployee: (id) => http.guard(() => getEmployee(id)),
    listDocumentCategories: () => http.guard(listDocumentCategories),
    uploadDocument: (upload) => http.guard(() => uploadDocument(upload)),
  };
}

function parseDocumentCategories(raw: unknown): PersonioDocumentCategory[] {
  const data = isRecord(raw) && Array.isArray(raw.data) ? raw.data : [];
  return data.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const id = Number(item.id);
    const name =
      isRecord(item.attributes) && typeof item.attributes.name === "string" ? item.attributes.name : undefined;
    return Number.isInteger(id) && name ? [{ id, name }] : [];
  });
}

function readCreatedId(body: unknown, fallback?: number): number {
  const data = isRecord(body) ? body.data : undefined;
  const id = Number(isRecord(data) ? data.id : undefined);
  if (Number.isInteger(id) && id > 0) return id;
  if (fallback !== undefined) return fallback;
  throw unexpected("success response without an id", true);
}

function unexpected(detail: string, outcomeUnknown: boolean): PersonioError {
  return new PersonioError("unexpected", `${defaultPersonioMessage("unexpected")} (${detail})`, { outcomeUnknown });
}
