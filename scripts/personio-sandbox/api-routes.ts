import { authorize, authorizeV2, handleV1Auth, handleV2Token, withTokenHeader } from "./api-auth";
import { createPerson, handleV2Revoke, listPersons, patchEmployment, patchPerson, readPerson, v2Error } from "./api-v2";
import { listLegalEntities } from "./api-v2-org";
import {
  applyEmployeeFields,
  attributeDefinitions,
  createEmployee,
  DOCUMENT_CATEGORIES,
  EmployeeValidationError,
  serializeEmployee,
} from "./employees";
import { json, v1Error, type ApiEndpoint, type SandboxRequest, type SandboxResponse } from "./http-types";
import type { SandboxState } from "./state";

const NOT_FOUND_MESSAGE = "Es ist ein Problem aufgetreten ";
const MAX_LIMIT = 100;
const DOCUMENT_EXTENSIONS = new Set([
  "pdf",
  "docx",
  "doc",
  "jpg",
  "jpeg",
  "png",
  "txt",
  "odt",
  "xlsx",
  "rtf",
  "xls",
  "pptx",
  "zip",
  "csv",
  "gif",
  "tif",
  "tiff",
]);

export function handleApi(
  state: SandboxState,
  endpoint: ApiEndpoint,
  id: string | undefined,
  req: SandboxRequest,
  subId?: string,
): SandboxResponse {
  switch (endpoint) {
    case "POST /v1/auth":
      return handleV1Auth(state, req);
    case "POST /v2/auth/token":
      return handleV2Token(state, req);
    case "POST /v2/auth/revoke":
      return handleV2Revoke(state, req);
    default: {
      if (endpoint.includes(" /v2/")) return handleV2Data(state, endpoint, id ?? "", subId ?? "", req);
      const area = endpoint.includes("/document") ? "documents" : "employees";
      const access = endpoint.startsWith("GET") ? "read" : "write";
      const credential = authorize(state, req, area, access);
      if (!("clientId" in credential)) return credential;
      return withTokenHeader(
        state,
        req,
        credential,
        handleData(state, endpoint, id, req, credential.readableAttributes),
      );
    }
  }
}

function handleV2Data(
  state: SandboxState,
  endpoint: ApiEndpoint,
  id: string,
  subId: string,
  req: SandboxRequest,
): SandboxResponse {
  const credential = authorizeV2(state, req, endpoint.startsWith("GET") ? "read" : "write");
  if (!("clientId" in credential)) return credential;
  switch (endpoint) {
    case "GET /v2/persons":
      return listPersons(state, req);
    case "POST /v2/persons":
      return createPerson(state, req);
    case "GET /v2/persons/{id}":
      return readPerson(state, id, req);
    case "PATCH /v2/persons/{id}":
      return patchPerson(state, id, req);
    case "PATCH /v2/persons/{id}/employments/{employment_id}":
      return patchEmployment(state, id, subId, req);
    case "GET /v2/legal-entities":
      return listLegalEntities(state, req);
    default:
      return v2Error(
        404,
        "Resource not found",
        "There is no resource for the specified id.",
        "common.resource_not_found",
      );
  }
}

function handleData(
  state: SandboxState,
  endpoint: ApiEndpoint,
  id: string | undefined,
  req: SandboxRequest,
  readable: string[],
): SandboxResponse {
  switch (endpoint) {
    case "GET /v1/company/employees":
      return listEmployees(state, req, readable);
    case "GET /v1/company/employees/{id}": {
      const employee = state.employees.get(Number(id));
      if (!employee || !/^\d+$/.test(id ?? "")) return v1Error(404, NOT_FOUND_MESSAGE, 404);
      return json(200, { success: true, data: serializeEmployee(employee, readable, state) });
    }
    case "POST /v1/company/employees":
      return writeEmployee(state, req, undefined);
    case "PATCH /v1/company/employees/{id}":
      return writeEmployee(state, req, id);
    case "GET /v1/company/employees/attributes":
    case "GET /v1/company/employees/custom-attributes":
      return json(200, { success: true, data: attributeDefinitions(readable) });
    case "GET /v1/company/document-categories":
      return json(200, {
        success: true,
        data: DOCUMENT_CATEGORIES.map((c) => ({ id: c.id, type: "DocumentCategory", attributes: { name: c.name } })),
      });
    case "POST /v1/company/documents":
      return uploadDocument(state, req, readable);
    default:
      return v1Error(404, NOT_FOUND_MESSAGE, 404);
  }
}

function listEmployees(state: SandboxState, req: SandboxRequest, readable: string[]): SandboxResponse {
  const limit = req.query.has("limit") ? Number(req.query.get("limit")) : 50;
  const offset = req.query.has("offset") ? Number(req.query.get("offset")) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return v1Error(400, `The limit must be between 1 and ${MAX_LIMIT}.`, 400);
  if (!Number.isInteger(offset) || offset < 0) return v1Error(400, "The offset must be at least 0.", 400);
  let employees = [...state.employees.values()];
  const email = req.query.get("email");
  if (email) {
    employees = employees.filter((e) => e.email.toLowerCase() === email.trim().toLowerCase());
    // The 2021 docs answered a miss with 404; today's behaviour is unverified, so it is a switch.
    if (employees.length === 0 && state.behaviour.emailFilterMiss === "not_found") {
      return json(404, { success: false, error: { message: `Employee [${email}] not found` } });
    }
  }
  const projection = req.query.getAll("attributes[]");
  const visible = projection.length > 0 ? readable.filter((key) => projection.includes(key)) : readable;
  const page = employees.slice(offset, offset + limit);
  return json(200, {
    success: true,
    metadata: {
      total_elements: employees.length,
      current_page: Math.floor(offset / limit),
      total_pages: Math.ceil(employees.length / limit),
    },
    offset,
    limit,
    data: page.map((employee) => serializeEmployee(employee, visible, state)),
  });
}

function employeeBody(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.employee === "object" && record.employee !== null)
    return record.employee as Record<string, unknown>;
  // Form bodies arrive as `employee[email]=...` fields.
  const fromForm = Object.entries(record).flatMap(([key, value]) => {
    const match = /^employee\[(\w+)\]$/.exec(key);
    return match?.[1] ? [[match[1], value] as const] : [];
  });
  return fromForm.length > 0 ? Object.fromEntries(fromForm) : undefined;
}

function writeEmployee(state: SandboxState, req: SandboxRequest, id: string | undefined): SandboxResponse {
  const raw = employeeBody(req.body);
  const existing = id === undefined ? undefined : state.employees.get(Number(id));
  if (id !== undefined && !existing) return v1Error(404, NOT_FOUND_MESSAGE, 404);
  if (!raw)
    return v1Error(422, "The employee field is required.", 422, {
      error_data: { employee: ["The employee field is required."] },
    });
  try {
    if (existing) {
      const { email: _ignored, ...rest } = raw;
      const meta = applyEmployeeFields(state, existing, rest);
      return json(200, { success: true, data: { id: existing.id }, meta });
    }
    // The create answer's meta is not in the file (its shape is unverified); it takes PATCH's.
    const meta: string[] = [];
    const created = createEmployee(state, raw, meta);
    return json(200, {
      success: true,
      data: { id: created.id, message: "success" },
      ...(meta.length > 0 ? { meta } : {}),
    });
  } catch (error) {
    if (!(error instanceof EmployeeValidationError)) throw error;
    return v1Error(422, error.message, 422, { error_data: { [error.field]: [error.message] } });
  }
}

function uploadDocument(state: SandboxState, req: SandboxRequest, readable: string[]): SandboxResponse {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const file = req.files.file;
  const problems: Record<string, string[]> = {};
  const title = typeof body.title === "string" ? body.title : "";
  if (!title) problems.title = ["The title field is required."];
  else if (title.length > 255) problems.title = ["The title may not be greater than 255 characters."];
  if (!file) problems.file = ["The file field is required."];
  else if (!DOCUMENT_EXTENSIONS.has(file.name.split(".").pop()?.toLowerCase() ?? "")) {
    problems.file = [`The file must be a file of type: ${[...DOCUMENT_EXTENSIONS].join(", ")}.`];
  } else if (file.size > 30 * 1024 * 1024) problems.file = ["The file may not be greater than 30720 kilobytes."];
  if (typeof body.date === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(body.date))
    problems.date = ["The date does not match the format Y-m-d."];
  if (Object.keys(problems).length > 0) return v1Error(422, "The given data was invalid.", 0, { error_data: problems });
  const employee = state.employees.get(Number(body.employee_id));
  if (!employee) return v1Error(404, `No query results for model [Employee] ${String(body.employee_id)}`, 0);
  const category = DOCUMENT_CATEGORIES.find((c) => c.id === Number(body.category_id));
  if (!category) return v1Error(404, `No query results for model [DocumentCategory] ${String(body.category_id)}`, 0);
  const document = {
    id: state.nextDocumentId++,
    employeeId: employee.id,
    categoryId: category.id,
    title,
    date: typeof body.date === "string" ? body.date : undefined,
    comment: typeof body.comment === "string" ? body.comment : undefined,
    fileName: file?.name ?? "",
    size: file?.size ?? 0,
  };
  state.documents.push(document);
  const categoryJson = { id: category.id, type: "DocumentCategory", attributes: { name: category.name } };
  return json(201, {
    success: true,
    data: {
      id: document.id,
      type: "Document",
      attributes: {
        title,
        date: document.date ?? new Date().toISOString().slice(0, 10),
        comment: document.comment ?? "",
        employee: serializeEmployee(
          employee,
          readable.filter((key) => ["first_name", "last_name", "email"].includes(key)),
          state,
        ),
        category: categoryJson,
      },
    },
  });
}
