import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations";

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("lists every operation once, under its path and method", () => {
    for (const operation of Object.values(OPERATIONS)) {
      const item = (document.paths[operation.path] as Record<string, { operationId: string }>)[
        operation.method.toLowerCase()
      ];
      expect(item?.operationId).toBe(operation.operationId);
    }
  });

  it("holds JSON Schemas (draft 2020-12) that compile, with every $ref resolvable", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: "openapi.json" });
    for (const name of Object.keys(document.components.schemas)) {
      expect(() => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` }), name).not.toThrow();
    }
  });

  it("renders request bodies strict and with their defaults optional", () => {
    const schemas = document.components.schemas as Record<
      string,
      { additionalProperties?: boolean; required?: string[] }
    >;
    expect(schemas.CandidateCreate?.additionalProperties).toBe(false);
    expect(schemas.CandidateCreate?.required?.sort()).toEqual(["email", "firstName", "lastName"]);
    expect(schemas.CandidatePatch?.required ?? []).toEqual([]);
    const list = (document.paths["/candidates"] as { get: { parameters: Array<{ name: string; required: boolean }> } })
      .get;
    expect(list.parameters.find((parameter) => parameter.name === "limit")?.required).toBe(false);
  });

  it("validates a candidate as the API writes it", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: "openapi.json" });
    const validate = ajv.compile({ $ref: "openapi.json#/components/schemas/Candidate" });
    const candidate = {
      id: "c1",
      firstName: "Anna",
      lastName: "Müller",
      email: "anna@example.com",
      phone: null,
      stage: "HIRED",
      startDate: "2026-12-31",
      job: { id: "j1", title: "Engineer", department: "", office: "" },
      department: null,
      office: null,
      source: null,
      notes: null,
      externalSource: "greenhouse",
      externalId: "4711",
      inPersonio: false,
      createdAt: "2026-11-29T10:00:00.000Z",
      updatedAt: "2026-11-29T10:00:00.000Z",
    };
    expect(validate(candidate)).toBe(true);
    expect(validate({ ...candidate, stage: "FIRED" })).toBe(false);
    expect(validate({ ...candidate, startDate: "31.12.2026" })).toBe(false);
  });
});
