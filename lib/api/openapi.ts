// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate
// with (zod's own JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses) and the operation
// list in lib/api/operations.ts. Request schemas are rendered as zod reads input (defaults
// optional), response schemas as it writes output.
import { z } from "zod";

import { MAX_JSON_BODY_BYTES_DOC } from "@/lib/api/limits";
import { OPERATIONS, type ApiOperation } from "@/lib/api/operations";
import { PROBLEMS, problemType } from "@/lib/api/problem";
import { apiRegistry, ZProblem } from "@/lib/api/schemas";
import { handoffWebhookOpenApi } from "@/lib/webhooks/openapi";

type JsonSchema = Record<string, unknown>;

const REF_PREFIX = "#/components/schemas/";

function componentSchemas(io: "input" | "output"): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    io,
    target: "draft-2020-12",
    uri: (id) => `${REF_PREFIX}${id}`,
    unrepresentable: "any",
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}

function idOf(schema: z.ZodType): string {
  const meta = apiRegistry.get(schema);
  if (!meta) throw new Error("Every API schema must be registered in lib/api/schemas.ts");
  return meta.id;
}

const ref = (schema: z.ZodType) => ({ $ref: `${REF_PREFIX}${idOf(schema)}` });

function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: ref(ZProblem) } } };
}

function queryParameters(query: z.ZodType, inputSchemas: Record<string, JsonSchema>) {
  const schema = inputSchemas[idOf(query)] as {
    properties: Record<string, JsonSchema & { description?: string }>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: "query",
      required: schema.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function operationObject(operation: ApiOperation, inputSchemas: Record<string, JsonSchema>) {
  const parameters = [
    ...Object.entries(operation.pathParams ?? {}).map(([name, description]) => ({
      name,
      in: "path",
      required: true,
      description,
      schema: { type: "string" },
    })),
    ...(operation.query ? queryParameters(operation.query, inputSchemas) : []),
    ...(operation.idempotent
      ? [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description:
              "A unique value per intended request (e.g. a UUID). A retry with the same key and body within 24 hours gets the first answer (with Idempotent-Replayed: true); the same key with another body is a 409.",
            schema: { type: "string", minLength: 1, maxLength: 255 },
          },
        ]
      : []),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      content: { "application/json": { schema: ref(response.schema) } },
    };
  }
  Object.assign(responses, {
    ...(operation.query || operation.idempotent
      ? { 400: problemResponse("Bad query parameters, malformed JSON or a bad Idempotency-Key.") }
      : {}),
    ...(operation.body
      ? {
          400: problemResponse(
            "Malformed JSON, bad query parameters, a bad Idempotency-Key, or text the body may not hold: half a Unicode character (a lone surrogate), or a control character or line break outside notes (`invalid-text`, naming each field).",
          ),
        }
      : {}),
    401: problemResponse("No API key, or an unknown, revoked or expired one."),
    403: problemResponse("The API key lacks the scope this operation needs."),
    ...(operation.pathParams ? { 404: problemResponse("Not found.") } : {}),
    ...(operation.body || operation.method !== "GET"
      ? { 409: problemResponse("Conflict, or an Idempotency-Key reused with another body.") }
      : {}),
    ...(operation.body
      ? {
          413: problemResponse(`The body is over ${MAX_JSON_BODY_BYTES_DOC}.`),
          415: problemResponse("The body is not JSON."),
          422: problemResponse("The body does not match the schema (unknown fields included)."),
        }
      : {}),
    429: {
      ...problemResponse("Rate limit reached for this API key."),
      headers: {
        "Retry-After": { description: "Seconds until a request is allowed again.", schema: { type: "integer" } },
      },
    },
  });
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.path.startsWith("/jobs") ? "Jobs" : "Candidates"],
    security: [{ apiKey: [operation.scope] }],
    "x-required-scope": operation.scope,
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: ref(operation.body) } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const input = componentSchemas("input");
  const output = componentSchemas("output");
  const requestIds = new Set(
    Object.values(OPERATIONS).flatMap((operation: ApiOperation) =>
      [operation.body, operation.query].filter(Boolean).map((schema) => idOf(schema!)),
    ),
  );
  // Request bodies as zod reads them, everything else (responses, shared enums) as it writes.
  const schemas = Object.fromEntries(
    Object.keys(output).map((id) => [id, requestIds.has(id) ? input[id] : output[id]]),
  );
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of Object.values(OPERATIONS) as ApiOperation[]) {
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operation, input);
  }
  // Hires pushed to a webhook source (lib/webhooks): the same document describes them.
  const webhook = handoffWebhookOpenApi(REF_PREFIX);
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Handoff API",
      version: "1.0.0",
      description:
        "Candidates and jobs for Handoff. Authenticate with an API key (Settings → API keys) as Authorization: Bearer hnd_…. " +
        "Errors are RFC 9457 problem details (application/problem+json); problem types: " +
        Object.keys(PROBLEMS)
          .map((code) => problemType(code as keyof typeof PROBLEMS))
          .join(", ") +
        ".",
    },
    servers: [{ url: serverUrl }],
    tags: [{ name: "Candidates" }, { name: "Jobs" }, { name: "Webhooks" }],
    paths,
    webhooks: webhook.webhooks,
    components: {
      schemas: { ...schemas, ...webhook.schemas },
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "An API key, hnd_ followed by 43 characters. Scopes: candidates:read, candidates:write, candidates:erase.",
        },
      },
    },
  };
}
