import { z } from "zod";

import { STAGES } from "@/lib/candidates/stages";

// The review form's schema, shared by the form (as-you-type validation) and the server action.
// Messages are keys under handoff.validation in the catalogue. Limits follow what Personio's
// v1 API stores (string columns of 255); an email address has at most 254 characters.
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u;

function requiredText(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, "tooLong")
    .regex(NO_CONTROL_CHARACTERS, "controlCharacters");
}

// A first or last name, for a send and for an update alike.
export const ZPersonName = requiredText(255);

// The always-sent fields. The job title and every other optional field travel in `extra`.
export const ZPersonioEmployeeFields = z.object({
  firstName: ZPersonName,
  lastName: ZPersonName,
  email: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(254, "tooLong")
    // An internationalised domain (müller.de) must be given in its xn-- form: say so, rather
    // than call the address invalid.
    .regex(/^[\x20-\x7e]*$/, "emailAscii")
    .email("email"),
});

export type TPersonioEmployeeFields = z.infer<typeof ZPersonioEmployeeFields>;

// The optional fields the admin chose (lib/personio-fields/), keyed by field; each value is
// checked on the server against the chosen fields (anything else is dropped, never sent).
export const ZExtraFields = z
  .record(z.string().max(40), z.string().max(1000))
  .refine((record) => Object.keys(record).length <= 60);

// The candidate's documents ticked on the review form, each with its Personio category: uploaded
// after the employee is created or linked (lib/documents/transfer.ts).
export const ZDocumentChoices = z
  .array(z.object({ documentId: z.string().min(1).max(64), categoryId: z.number().int().positive() }))
  .max(50);

export const ZSendToPersonioInput = z.object({
  candidateId: z.string().min(1).max(64),
  fields: ZPersonioEmployeeFields,
  extra: ZExtraFields.optional(),
  documents: ZDocumentChoices.optional(),
});

export const ZLinkToPersonioInput = z.object({
  candidateId: z.string().min(1).max(64),
  employeeId: z.number().int().positive(),
  fields: ZPersonioEmployeeFields,
  extra: ZExtraFields.optional(),
  documents: ZDocumentChoices.optional(),
});

export const ZSendFormInput = z.object({ candidateId: z.string().min(1).max(64) });

export const ZHandoffStatusInput = z.object({ candidateId: z.string().min(1).max(64) });

// What an update sends: the names under the same limits as a send, and the chosen fields.
export const ZUpdateValues = z
  .object({ firstName: ZPersonName, lastName: ZPersonName })
  .catchall(z.string().max(1000))
  .refine((record) => Object.keys(record).length <= 60);

export const ZUpdateInPersonioInput = z.object({
  candidateId: z.string().min(1).max(64),
  version: z.number().int().min(0),
  values: ZUpdateValues,
  // After an update whose outcome is unknown: the fields to send again although Handoff already
  // records them as sent (the PATCH sets the same values, so repeating it is safe).
  repeat: z.array(z.string().max(40)).max(60).optional(),
});

// The admin setting of which stages may be sent; at least one (message key under sendStages).
export const ZSetSendableStagesInput = z.object({
  stages: z.array(z.enum(STAGES)).min(1, "atLeastOne").max(STAGES.length),
});
