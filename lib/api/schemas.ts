// The REST API's request and response shapes. The route handlers validate with these and the
// OpenAPI document (lib/api/openapi.ts) is generated from them, so the two cannot disagree.
// Request bodies and queries are strict: an unknown or mistyped field is a 422, not ignored.
import { z } from "zod";

import { API_SCOPES } from "@/lib/api-keys/scopes";
import { candidateFields } from "@/lib/candidates/fields";
import { STAGES } from "@/lib/candidates/stages";

/** Every named schema, by id (its name under #/components/schemas). */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  apiRegistry.add(schema, description ? { id, description } : { id });
  return schema;
}

export const ZStage = named("Stage", z.enum(STAGES), "A candidate's stage in the hiring pipeline, in pipeline order.");

const id = z.string().min(1).max(64);

export const ZJob = named(
  "Job",
  z.object({
    id: z.string(),
    title: z.string(),
    department: z.string().describe("The job's department; empty when not known."),
    office: z.string().describe("The job's office; empty when not known."),
  }),
);

export const ZCandidate = named(
  "Candidate",
  z.object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    stage: ZStage,
    startDate: z.iso.date().nullable().describe("The first working day (yyyy-mm-dd); becomes Personio's hire date."),
    job: ZJob,
    department: z
      .string()
      .nullable()
      .describe("The candidate's department when it differs from the job's; null = the job's."),
    office: z.string().nullable().describe("The candidate's office when it differs from the job's; null = the job's."),
    source: z.string().nullable().describe("The channel the candidate came through, e.g. LinkedIn."),
    notes: z.string().nullable(),
    externalSource: z.string().nullable().describe("The system the candidate came from, e.g. greenhouse."),
    externalId: z.string().nullable().describe("The candidate's id in externalSource."),
    inPersonio: z.boolean().describe("Sent to Personio: imports, upserts and updates then only add missing values."),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
);

const candidateWritable = {
  phone: candidateFields.phone.optional(),
  stage: ZStage.optional(),
  startDate: candidateFields.startDate.optional(),
  jobId: id.optional().describe("An existing job's id. Give jobId or jobTitle."),
  jobTitle: candidateFields.jobTitle
    .optional()
    .describe("A job title; a job with this title (case ignored) is used, or created when there is none."),
  department: candidateFields.department.optional(),
  office: candidateFields.office.optional(),
  source: candidateFields.source.optional(),
  notes: candidateFields.notes.optional(),
};

function exactlyOneJob(value: { jobId?: string; jobTitle?: string }, ctx: z.RefinementCtx) {
  if ((value.jobId === undefined) === (value.jobTitle === undefined)) {
    ctx.addIssue({ code: "custom", path: ["jobId"], message: "Give exactly one of jobId and jobTitle." });
  }
}

export const ZCandidateCreate = named(
  "CandidateCreate",
  z
    .strictObject({
      firstName: candidateFields.firstName,
      lastName: candidateFields.lastName,
      email: candidateFields.email,
      ...candidateWritable,
      externalSource: candidateFields.externalSource.optional(),
      externalId: candidateFields.externalId.optional(),
    })
    .superRefine((value, ctx) => {
      exactlyOneJob(value, ctx);
      if ((value.externalSource === undefined) !== (value.externalId === undefined)) {
        ctx.addIssue({ code: "custom", path: ["externalId"], message: "Give externalSource and externalId together." });
      }
    }),
  "A new candidate. Exactly one of jobId and jobTitle; externalSource and externalId together or not at all.",
);

export const ZCandidateUpsert = named(
  "CandidateUpsert",
  z
    .strictObject({
      firstName: candidateFields.firstName,
      lastName: candidateFields.lastName,
      email: candidateFields.email,
      ...candidateWritable,
    })
    .superRefine(exactlyOneJob),
  "The candidate as the source system has it. Exactly one of jobId and jobTitle.",
);

export const ZCandidatePatch = named(
  "CandidatePatch",
  z
    .strictObject({
      firstName: candidateFields.firstName.optional(),
      lastName: candidateFields.lastName.optional(),
      email: candidateFields.email.optional(),
      ...candidateWritable,
    })
    .superRefine((value, ctx) => {
      if (value.jobId !== undefined && value.jobTitle !== undefined) {
        ctx.addIssue({ code: "custom", path: ["jobId"], message: "Give jobId or jobTitle, not both." });
      }
      if (Object.keys(value).length === 0)
        ctx.addIssue({ code: "custom", path: [], message: "Give at least one field." });
    }),
  "The fields to change; fields not given stay as they are, null clears an optional one.",
);

export const ZStageMove = named("StageMove", z.strictObject({ stage: ZStage }));

export const ZCandidateField = named(
  "CandidateField",
  z.enum([
    "firstName",
    "lastName",
    "email",
    "phone",
    "stage",
    "startDate",
    "jobId",
    "department",
    "office",
    "source",
    "notes",
  ]),
);

const ZErasedCount = z.number().int().min(0);
export const ZErasureResult = named(
  "ErasureResult",
  z.object({
    outcome: z.literal("erased"),
    counts: z
      .object({
        candidates: ZErasedCount,
        intakeEntries: ZErasedCount,
        rejectedRows: ZErasedCount,
        importFiles: ZErasedCount,
        auditEntries: ZErasedCount,
        emails: ZErasedCount,
        apiAnswers: ZErasedCount,
      })
      .describe(
        "Records erased, by kind: candidates (sent ones kept as erased persons), intake log entries, rejected import rows, uploaded files, audit entries (pseudonymized), emails, stored API answers.",
      ),
  }),
);

export const ZCandidateWriteResult = named(
  "CandidateWriteResult",
  z.object({
    candidate: ZCandidate,
    outcome: z.enum(["created", "updated", "unchanged"]),
    keptInPersonio: z
      .array(ZCandidateField)
      .describe("Fields not changed because the candidate is already in Personio (only missing values are added)."),
  }),
);

export const ZCandidatePage = named(
  "CandidatePage",
  z.object({
    data: z.array(ZCandidate),
    nextCursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page."),
  }),
);

export const ZCandidateListQuery = named(
  "CandidateListQuery",
  z.strictObject({
    stage: ZStage.optional(),
    jobId: id.optional(),
    email: z.string().trim().min(1).max(254).optional().describe("The email, case and accents ignored."),
    externalSource: candidateFields.externalSource.optional(),
    externalId: candidateFields.externalId.optional(),
    updatedSince: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("Only candidates changed at or after this time."),
    limit: z.coerce.number<string>().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(200).optional(),
  }),
);

export const ZJobCreate = named(
  "JobCreate",
  z.strictObject({
    title: candidateFields.jobTitle,
    department: z.string().trim().max(200).optional(),
    office: z.string().trim().max(200).optional(),
  }),
);

export const ZJobPatch = named(
  "JobPatch",
  z
    .strictObject({
      title: candidateFields.jobTitle.optional(),
      department: z.string().trim().max(200).optional(),
      office: z.string().trim().max(200).optional(),
    })
    .refine((value) => Object.keys(value).length > 0, { message: "Give at least one field." }),
);

export const ZJobList = named("JobList", z.object({ data: z.array(ZJob) }));

export const ZProblem = named(
  "Problem",
  z.object({
    type: z.string().describe("urn:handoff:problem:<code>"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().describe("The problem's stable code, e.g. validation_failed."),
    errors: z
      .array(
        z.object({
          pointer: z.string().describe("JSON Pointer into the body or query, e.g. #/email"),
          detail: z.string(),
        }),
      )
      .optional(),
  }),
  "RFC 9457 problem details.",
);

export const ZScope = named("Scope", z.enum(API_SCOPES));

export type ApiCandidate = z.infer<typeof ZCandidate>;
export type ApiJob = z.infer<typeof ZJob>;
