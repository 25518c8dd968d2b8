// Validates API responses against the OpenAPI document the app serves (not a copy): the
// operation is found by method and path template, the body checked with the JSON Schema (draft
// 2020-12) under its status code and content type, as lib/personio's contract tests do for
// Personio's own files.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020.js";

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
type Document = { paths: Record<string, Record<string, Operation>> };

export type OpenApiValidator = {
  document: Document;
  /** Throws with the schema errors unless the response is one the document describes. */
  check(method: string, pathTemplate: string, response: APIResponse): Promise<unknown>;
};

export async function loadOpenApiValidator(request: APIRequestContext): Promise<OpenApiValidator> {
  const response = await request.get("/api/v1/openapi.json");
  if (!response.ok()) throw new Error(`openapi.json: ${response.status()}`);
  const document = (await response.json()) as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: "openapi.json" });
  const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

  return {
    document,
    async check(method, pathTemplate, response) {
      const operation = document.paths[pathTemplate]?.[method.toLowerCase()];
      if (!operation) throw new Error(`${method} ${pathTemplate} is not in the OpenAPI document`);
      const status = String(response.status());
      const described = operation.responses[status];
      if (!described) throw new Error(`${method} ${pathTemplate} answered ${status}, which the document does not list`);
      const contentType = (response.headers()["content-type"] ?? "").split(";")[0]!.trim();
      if (!described.content?.[contentType])
        throw new Error(`${method} ${pathTemplate} ${status}: content type ${contentType} not in the document`);
      const pointer = [
        "paths",
        pathTemplate,
        method.toLowerCase(),
        "responses",
        status,
        "content",
        contentType,
        "schema",
      ]
        .map(escape)
        .join("/");
      const validate = ajv.getSchema(`openapi.json#/${pointer}`) ?? ajv.compile({ $ref: `openapi.json#/${pointer}` });
      const body = await response.json();
      if (!validate(body)) {
        throw new Error(
          `${method} ${pathTemplate} ${status} does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
        );
      }
      return body;
    },
  };
}
