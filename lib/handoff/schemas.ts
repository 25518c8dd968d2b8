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

export const ZPersonioEmployeeFields = z.object({
  firstName: requiredText(255),
  lastName: requiredText(255),
  email: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(254, "tooLong")
    // An internationalised domain (müller.de) must be given in its xn-- form: say so, rather
    // than call the address invalid.
    .regex(/^[\x20-\x7e]*$/, "emailAscii")
    .email("email"),
  // Optional in Personio; an empty job title is simply not sent.
  position: z
    .string({ error: "required" })
    .trim()
    .max(255, "tooLong")
    .regex(NO_CONTROL_CHARACTERS, "controlCharacters"),
});

export type TPersonioEmployeeFields = z.infer<typeof ZPersonioEmployeeFields>;

// The optional fields the admin chose (lib/personio/fields.ts), keyed by field; each value is
// checked on the server against the chosen fields (anything else is dropped, never sent).
export const ZExtraFields = z
  .record(z.string().max(40), z.string().max(1000))
  .refine((record) => Object.keys(record).length <= 60);

export const ZSendToPersonioInput = z.object({
  candidateId: z.string().min(1).max(64),
  fields: ZPersonioEmployeeFields,
  extra: ZExtraFields.optional(),
});

export const ZLinkToPersonioInput = z.object({
  candidateId: z.string().min(1).max(64),
  employeeId: z.number().int().positive(),
  fields: ZPersonioEmployeeFields,
  extra: ZExtraFields.optional(),
});

export const ZSendFormInput = z.object({ candidateId: z.string().min(1).max(64) });

export const ZHandoffStatusInput = z.object({ candidateId: z.string().min(1).max(64) });

// Personio names fields in snake_case; the form uses these names.
export const PERSONIO_FIELD_TO_FORM_FIELD: Record<string, keyof TPersonioEmployeeFields> = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  position: "position",
};

export const ZUpdateInPersonioInput = z.object({
  candidateId: z.string().min(1).max(64),
  version: z.number().int().min(0),
  values: ZExtraFields,
});

// The admin setting of which stages may be sent; at least one (message key under sendStages).
export const ZSetSendableStagesInput = z.object({
  stages: z.array(z.enum(STAGES)).min(1, "atLeastOne").max(STAGES.length),
});
