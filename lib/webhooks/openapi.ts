// The Handoff webhook in the OpenAPI document: OpenAPI 3.1's top-level `webhooks`, i.e. a
// request Handoff receives at a source's own URL, with the schema the receiver checks
// (vendors/handoff-schema.ts, rendered by zod's own JSON Schema output).
import { z } from "zod";

import { HANDOFF_TOLERANCE_SECONDS } from "./signatures";
import { ZHandoffHiredEvent, ZHandoffUnhiredEvent } from "./vendors/handoff-schema";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

export function handoffWebhookOpenApi(refPrefix = "#/components/schemas/") {
  const schemas = {
    HandoffWebhookHired: jsonSchema(ZHandoffHiredEvent),
    HandoffWebhookUnhired: jsonSchema(ZHandoffUnhiredEvent),
    HandoffWebhookEvent: {
      oneOf: [{ $ref: `${refPrefix}HandoffWebhookHired` }, { $ref: `${refPrefix}HandoffWebhookUnhired` }],
      discriminator: { propertyName: "type" },
    },
    HandoffWebhookAnswer: {
      type: "object",
      required: ["status"],
      properties: {
        status: { type: "string", enum: ["created", "updated", "ignored", "duplicate", "rejected"] },
        reason: {
          type: "string",
          description:
            "A stable code: bad_signature, stale_timestamp, already_received, source_disabled, invalid_payload, missing_email, unknown_event, …",
        },
        deliveryId: { type: "string", description: "The delivery's entry in the admins' intake log." },
      },
    },
  };
  const answer = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: `${refPrefix}HandoffWebhookAnswer` } } },
  });
  const webhooks = {
    handoffCandidateEvent: {
      post: {
        operationId: "receiveHandoffWebhook",
        summary: "A hire (or a hire taken back) posted to a Handoff webhook source",
        description:
          "POST to the source's own URL, /api/webhooks/{token}, shown on its page under Integrations → ATS. " +
          'Sign with HMAC-SHA256, keyed with the source\'s secret, over the Unix timestamp, a dot and the raw body ("<t>.<body>"), ' +
          `and send Handoff-Signature: t=<t>,v1=<hex>. Deliveries more than ${HANDOFF_TOLERANCE_SECONDS / 60} minutes from the server's clock, ` +
          "are refused; an event whose id was seen before is answered 200 duplicate and changes nothing, so a retry is always safe " +
          "(sign each attempt afresh). Retry 429 and 503 after Retry-After, and 5xx; a 4xx other than 429 will fail again unchanged. " +
          "A later event for the same externalId updates the candidate.",
        tags: ["Webhooks"],
        parameters: [
          {
            name: "Handoff-Signature",
            in: "header",
            required: true,
            description:
              't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">. Several v1= values may be given (any one may match).',
            schema: { type: "string", pattern: "^t=\\d+(,v1=[0-9a-f]{64})+$" },
          },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: `${refPrefix}HandoffWebhookEvent` } } },
        },
        responses: {
          200: answer(
            "Processed: created, updated, ignored (an event type Handoff does not use), or duplicate (seen before: nothing changed).",
          ),
          400: answer("Malformed JSON."),
          401: answer("No, a wrong or a stale signature."),
          404: answer("No source has this URL."),
          413: answer("The body is over 1 MiB."),
          422: answer("The body does not match the schema, or a hire without an email."),
          429: {
            ...answer("Too many deliveries to this source; retry after Retry-After seconds."),
            headers: { "Retry-After": { schema: { type: "integer" } } },
          },
          503: {
            ...answer(
              "The source is disabled for now; retry after Retry-After seconds (it keeps failing until an admin enables it).",
            ),
            headers: { "Retry-After": { schema: { type: "integer" } } },
          },
        },
      },
    },
  };
  return { schemas, webhooks };
}
