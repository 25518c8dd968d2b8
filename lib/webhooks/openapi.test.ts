import fs from "node:fs";

import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "@/lib/api/openapi";

describe("the Handoff webhook in the OpenAPI document", () => {
  const document = buildOpenApiDocument();
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: "openapi.json" });
  const validate = ajv.compile({ $ref: "openapi.json#/components/schemas/HandoffWebhookEvent" });

  it("is listed under webhooks, with the signature header", () => {
    const post = (document.webhooks as Record<string, { post: { parameters: Array<{ name: string }> } }>)
      .handoffCandidateEvent!.post;
    expect(post.parameters.map((parameter) => parameter.name)).toEqual(["Handoff-Signature"]);
  });

  it("accepts the README's example and refuses what the receiver refuses", () => {
    const example = JSON.parse(
      fs.readFileSync("README.md", "utf8").split("### The Handoff webhook")[1]!.split("```json")[1]!.split("```")[0]!,
    ) as Record<string, unknown>;
    expect(validate(example)).toBe(true);
    expect(validate({ ...example, extra: true })).toBe(false);
    expect(validate({ ...example, candidate: { ...(example.candidate as object), email: undefined } })).toBe(false);
    expect(validate({ id: "e2", type: "candidate.unhired", candidate: { externalId: "rec-4711" } })).toBe(true);
  });
});
