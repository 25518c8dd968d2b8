// Test-time check of recorded Personio exchanges against Personio's official OpenAPI files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import addFormats from "ajv-formats";
import { OpenAPIBackend, type Document } from "openapi-backend";
import { parse } from "yaml";

import type { RecordedExchange } from "../state";

// From the module URL: Playwright loads this file as an ES module, where __dirname does not exist.
const DIR = path.dirname(fileURLToPath(import.meta.url));

type Spec = { api: OpenAPIBackend; prefix: string };

function loadDefinition(file: string): Document {
  const text = readFileSync(path.join(DIR, file), "utf8");
  const definition = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Document & {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  // The official files have no operationIds, which openapi-backend needs to address operations.
  for (const [route, item] of Object.entries(definition.paths)) {
    for (const method of ["get", "post", "patch", "put", "delete"]) {
      const operation = item[method];
      if (operation) operation.operationId ??= `${method} ${route}`;
    }
  }
  // EmployeesResponse = allOf[Response (data: object), {data: array}] can never validate; drop the
  // contradicting `type: object` from the base branch only (see openapi/README.md).
  const schemas = (definition.components?.schemas ?? {}) as Record<string, { allOf?: Array<Record<string, unknown>> }>;
  const list = schemas.EmployeesResponse;
  if (list?.allOf?.[0]?.$ref === "#/components/schemas/Response") {
    list.allOf[0] = { type: "object", properties: { success: { type: "boolean" } }, required: ["success", "data"] };
  }
  inlinePathReferences(definition, definition);
  return definition;
}

// persons-service-api-v2.json points `$ref`s into its own `paths` (the 404 schema, `Person._meta`),
// which openapi-backend's dereferencer cannot follow; each is replaced by a copy of its target.
function inlinePathReferences(node: unknown, root: unknown): void {
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const ref = typeof value === "object" && value !== null ? (value as { $ref?: unknown }).$ref : undefined;
    if (typeof ref === "string" && ref.startsWith("#/paths/")) {
      const target = ref
        .slice(2)
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], root);
      (node as Record<string, unknown>)[key] = structuredClone(target);
    }
    inlinePathReferences((node as Record<string, unknown>)[key], root);
  }
}

let specs:
  { auth: Spec; v2: Spec; personnel: Spec; persons: Spec; personsWrite: Spec; legalEntities: Spec } | undefined;

async function load(): Promise<NonNullable<typeof specs>> {
  if (specs) return specs;
  const make = async (file: string, prefix: string): Promise<Spec> => {
    // quick: skip definition validation, which rejects the official files' `$ref` siblings.
    // Formats too (date, email, …): without them "2020-13-45" would pass as a hire_date.
    const api = new OpenAPIBackend({
      definition: loadDefinition(file),
      quick: true,
      validate: true,
      customizeAjv: (ajv) => {
        addFormats(ajv);
        return ajv;
      },
    });
    await api.init();
    return { api, prefix };
  };
  specs = {
    auth: await make("personio-auth-api.yaml", "/v1"),
    v2: await make("personio-auth-v2-token.json", ""),
    personnel: await make("personio-personnel-data-api-oa3.yaml", "/v1"),
    persons: await make("persons-service-api-v2.json", ""),
    personsWrite: await make("persons-write-v2.json", ""),
    legalEntities: await make("legal-entities-v2.json", ""),
  };
  return specs;
}

function numericFields(body: unknown): unknown {
  if (typeof body !== "object" || body === null) return body;
  // Multipart fields travel as text; the schema types them as integers.
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v]),
  );
}

/** Returns a list of problems: empty when request and response match the official files. */
export async function validatePersonioExchange(exchange: RecordedExchange): Promise<string[]> {
  const { auth, v2, personnel, persons, personsWrite, legalEntities } = await load();
  const spec =
    exchange.endpoint === "GET /v2/legal-entities"
      ? legalEntities
      : exchange.endpoint === "POST /v1/auth"
        ? auth
        : exchange.endpoint === "POST /v2/auth/token"
          ? v2
          : exchange.endpoint.startsWith("GET /v2/")
            ? persons
            : exchange.endpoint.includes(" /v2/")
              ? personsWrite
              : personnel;
  const relativePath = exchange.path.slice(spec.prefix.length);
  const operation = spec.api.router.matchOperation({ method: exchange.method, path: relativePath, headers: {} });
  if (!operation) return [`${exchange.method} ${exchange.path}: no operation in the official files`];
  const problems: string[] = [];
  const label = `${exchange.method} ${exchange.path}`;
  const body = exchange.contentType.startsWith("multipart/") ? numericFields(exchange.body) : exchange.body;
  const request = spec.api.validateRequest(
    { method: exchange.method, path: relativePath, query: exchange.query, headers: exchange.headers, body },
    operation,
  );
  for (const error of request.errors ?? [])
    problems.push(`${label} request ${error.instancePath} ${error.message ?? ""}`);
  // Rules the files state in prose or in `security`, which openapi-backend does not enforce on its own.
  if (operation.security?.length && !/^Bearer \S+$/.test(exchange.headers.authorization ?? "")) {
    problems.push(`${label} request lacks a Bearer token`);
  }
  if ("client_secret" in exchange.query || "client_id" in exchange.query)
    problems.push(`${label} credentials in the query string`);
  if (exchange.status !== undefined && exchange.responseBody !== undefined) {
    const response = spec.api.validateResponse(exchange.responseBody, operation, exchange.status);
    for (const error of response.errors ?? []) {
      problems.push(`${label} response ${exchange.status} ${error.instancePath} ${error.message ?? ""}`);
    }
  }
  return problems;
}

/** Whether the official files document a response schema or example for this status (else only the envelope is ours). */
export async function documentedStatuses(method: string, apiPath: string): Promise<string[]> {
  const { auth, v2, personnel, persons, personsWrite, legalEntities } = await load();
  const spec =
    apiPath === "/v2/legal-entities"
      ? legalEntities
      : apiPath === "/v1/auth"
        ? auth
        : apiPath === "/v2/auth/token"
          ? v2
          : apiPath.startsWith("/v2/")
            ? method === "GET"
              ? persons
              : personsWrite
            : personnel;
  const operation = spec.api.router.matchOperation({ method, path: apiPath.slice(spec.prefix.length), headers: {} });
  return Object.keys(operation?.responses ?? {});
}
