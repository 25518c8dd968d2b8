// Pure: every action the audit log records, each with the schema of its details (a discriminated
// union on `action`). writeAuditLog (lib/audit.ts) takes only entries of this union, so a writer
// with an unknown action or wrong details does not compile; describe.ts says each in words.
// Names are "<area>.<verb>", the area singular and naming what the action is about.
// Stored rows outlive this file: renaming an action or a detail needs a migration of AuditLog
// (see prisma/migrations/*_audit_action_names) so the log still describes the old rows.
import { z } from "zod";

import { AUDIT_CATEGORIES } from "./params";

const text = z.string();
const texts = z.array(z.string());
// Entries anyone can cause in bulk are bounded (lib/audit-bounded.ts): the last one written in a
// window carries this mark.
const bounded = { moreNotRecorded: z.boolean().optional() };

/** Where a candidate write came from: a person on a screen, an import, an API key, a webhook source. */
export const ZAuditVia = z.enum(["screen", "import", "api", "webhook"]);
export type TAuditVia = z.infer<typeof ZAuditVia>;

// The origin of a candidate change: the id of the key, import or source it came through.
const origin = {
  via: ZAuditVia,
  apiKeyId: text.optional(),
  importId: text.optional(),
  sourceId: text.optional(),
};

// A send or link: its refusal or failure, or what went to Personio. What the recruiter corrected
// is recorded as "<field>.profile" and "<field>.sent" next to `corrected`.
const ZCorrectedValues = z.record(z.templateLiteral([z.string(), z.enum([".profile", ".sent"])]), z.string());
const handoffStep = z
  .object({
    code: text.optional(),
    field: text.nullable().optional(),
    outcomeUnknown: z.boolean().optional(),
    stage: text.optional(),
    sendableStages: texts.optional(),
    employeeId: z.number().nullable().optional(),
    status: z.enum(["SENT", "LINKED"]).optional(),
    // The fields sent, comma-separated.
    fields: text.optional(),
    corrected: texts.optional(),
    ignored: text.optional(),
    // Sent by an automatic-send rule (lib/handoff/automatic/), no person: the rule's id.
    automaticRuleId: text.optional(),
  })
  .and(ZCorrectedValues);

const credentials = {
  clientId: text,
  subdomain: text,
  scopes: texts,
  writePermission: text.optional(),
  reason: text.optional(),
  // Personio API the credential is used with ("v1" or "v2"); absent on entries from before v2.
  apiVersion: text.optional(),
};
const none = z.object({});
const linkIssued = z.object({ linkExpiresAt: text });
const permissionChange = z.object({ permission: text });
const jobWriter = { via: z.enum(["screen", "api"]), apiKeyId: text.optional() };
const webhookSource = z.object({ kind: text, name: text });

const count = z.number();
const privacyRunCounts = {
  unsentCandidates: count,
  sentCandidates: count,
  inFlightSkipped: count,
  intakeEntries: count,
  imports: count,
  auditPseudonymized: count,
  auditEntries: count,
  outboxMessages: count,
};
const privacyPersonCounts = {
  candidates: count,
  intakeEntries: count,
  rejectedRows: count,
  importFiles: count,
  auditEntries: count,
  emails: count,
  apiAnswers: count,
};

export const AUDIT_DETAILS = {
  "access.denied": z.object({
    missingPermission: text,
    kind: z.enum(["page", "action"]),
    page: text.optional(),
    reason: text.optional(),
    address: text,
    ...bounded,
  }),
  "api-key.create": z.object({ prefix: text, scopes: texts }),
  "api-key.revoke": z.object({ prefix: text }),
  "audit.export": z.object({
    category: z.enum(AUDIT_CATEGORIES).optional(),
    outcome: text.optional(),
    from: text.optional(),
    to: text.optional(),
    person: text.optional(),
    candidate: text.optional(),
  }),
  // An admin queued a failed background job again ("Retry now"); jobKind: what the job does.
  "background-job.retry": z.object({ jobKind: text }),
  // The addresses told of each new employee (Settings → Email): how many, never the addresses.
  "notification.set-addresses": z.object({ count: z.number() }),
  "auth.password-check": z.object({ reason: text, ...bounded }),
  "auth.sign-in": z.object({
    method: z.literal("sso").optional(),
    email: text.nullable().optional(),
    address: text.optional(),
    reason: text.optional(),
    limit: z.enum(["account", "address"]).optional(),
    error: text.optional(),
    created: z.boolean().optional(),
    ...bounded,
  }),
  "candidate.create": z.object({ ...origin, externalSource: text.optional() }),
  "candidate.update": z.object({ ...origin, fields: texts, keptInPersonio: texts.optional() }),
  "candidate.move-stage": z.object({ ...origin, from: text, to: text }),
  "handoff.send": handoffStep,
  "handoff.link": handoffStep,
  "handoff.update": z.object({
    code: text.optional(),
    field: text.nullable().optional(),
    // A timeout or lost connection: Personio may have applied the update.
    outcomeUnknown: z.boolean().optional(),
    employeeId: z.number().nullable().optional(),
    fields: texts.optional(),
    // "<field>=<value>": the values Handoff itself sent.
    sent: texts.optional(),
    ignored: text.optional(),
  }),
  "handoff.set-sendable-stages": z.object({ from: texts, to: texts }),
  // Value mappings (lib/mappings/): an ATS value and the Personio value it stands for.
  "mapping.save": z.object({ source: text, field: text, atsValue: text, personioValue: text }),
  "mapping.delete": z.object({ source: text, field: text, atsValue: text, personioValue: text }),
  "automatic-send.set-rule": z.object({ source: text, stage: text, enabled: z.boolean() }),
  "import.start": z.object({ fileName: text, externalSource: text }),
  "import.run": z.object({
    fileName: text,
    fileSha256: text.optional(),
    rows: z.number().optional(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number().optional(),
    rejected: z.number(),
    keptInPersonio: z.number().optional(),
  }),
  // Privacy (lib/privacy/): counts only, never whom an erasure or an export was about.
  "privacy.set-retention": z.object({ rules: texts }),
  "privacy.retention-run": z.object({ asOf: text, durationMs: z.number().optional(), ...privacyRunCounts }),
  "privacy.erase": z.object({ via: z.enum(["screen", "api"]), apiKeyId: text.optional(), ...privacyPersonCounts }),
  "privacy.export": z.object(privacyPersonCounts),
  // Documents (lib/documents/): the file's name, size and SHA-256, never its contents.
  "document.upload": z.object({
    ...origin,
    documentId: text,
    fileName: text,
    size: z.number(),
    sha256: text,
    code: text.optional(),
  }),
  "document.download": z.object({ documentId: text, fileName: text }),
  "document.transfer": z.object({
    documentId: text,
    fileName: text,
    employeeId: z.number().optional(),
    categoryId: z.number().optional(),
    personioDocumentId: z.number().optional(),
    code: text.optional(),
  }),
  "document.fetch-refused": z.object({ ...origin, host: text, reason: text }),
  "installation.setup": z.object({ source: z.enum(["setup-page", "cli"]) }),
  "integration.connect": z.object(credentials),
  "integration.update-credentials": z.object({
    ...credentials,
    clientIdChanged: z.boolean().optional(),
    secretChanged: z.boolean().optional(),
    previousSubdomain: text.optional(),
    previousApiVersion: text.optional(),
  }),
  "integration.enable": none,
  "integration.disable": none,
  "integration.delete": z.object({ clientId: text, subdomain: text }),
  "integration.test": z.object({ scopes: texts.optional(), writePermission: text.optional(), reason: text.optional() }),
  // "<field>:<where its prefill comes from>".
  "integration.set-fields": z.object({ fields: texts }),
  // "<kind>:<category id>" (empty: no default).
  "integration.set-document-categories": z.object({ defaults: texts }),
  "job.create": z.object(jobWriter),
  "job.rename": z.object({ ...jobWriter, fields: texts, from: text, to: text }),
  "job.update": z.object({ ...jobWriter, fields: texts }),
  "role.grant-permission": permissionChange,
  "role.revoke-permission": permissionChange,
  "secrets.rotate-key": z.object({
    keyId: text,
    previousKeyIds: texts,
    reencrypted: z.number(),
    alreadyCurrent: z.number(),
  }),
  "sso.configure": z.object({
    reason: text.optional(),
    issuer: text,
    preset: text.optional(),
    clientId: text.optional(),
    secretChanged: z.boolean().optional(),
    allowedDomains: texts.optional(),
    provisioning: z.enum(["existing", "jit"]).optional(),
    defaultRoleId: text.optional(),
    groupsClaim: text.nullable().optional(),
  }),
  "sso.test": z.object({
    email: text.nullable().optional(),
    method: z.literal("sso").optional(),
    reason: text.optional(),
    error: text.optional(),
  }),
  "sso.enable": none,
  "sso.disable": none,
  "sso.require": z.object({ breakGlassUserId: text.nullable() }),
  "sso.unrequire": none,
  "sso.map-group": z.object({ group: text, roleId: text }),
  "sso.unmap-group": z.object({ group: text }),
  "user.accept-invitation": none,
  "user.change-password": none,
  "user.change-role": z.object({ from: text, to: text, via: z.literal("sso-groups").optional() }),
  "user.create": z.object({ roleId: text, via: z.literal("sso"), groups: texts }),
  "user.deactivate": none,
  "user.invite": z.object({ roleId: text, linkExpiresAt: text }),
  "user.issue-reset-link": linkIssued,
  "user.reactivate": none,
  "user.reissue-invitation": linkIssued,
  "user.request-reset-link": linkIssued,
  "user.reset-password": none,
  "user.sign-out-everywhere": none,
  // An ATS source's settings (its kind is the vendor: greenhouse, ashby, workable, handoff).
  "webhook-source.create": webhookSource,
  "webhook-source.delete": webhookSource,
  "webhook-source.disable": none,
  "webhook-source.enable": none,
  "webhook-source.rotate-secret": z.object({ previousValidUntil: text }),
  // A delivery took back a hire that is already in Personio: an admin decides there.
  "webhook.unhired-after-send": z.object({ sourceId: text, kind: text, externalId: text, handoffStatus: text }),
} satisfies Record<`${string}.${string}`, z.ZodType>;

export type AuditAction = keyof typeof AUDIT_DETAILS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_DETAILS) as AuditAction[];
/** The part before the dot: what the category filter selects by. */
export type AuditArea = AuditAction extends `${infer Area}.${string}` ? Area : never;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_DETAILS, value);
}

// "notice": a step that changed nothing and is no failure (Personio already has the employee).
export const ZAuditOutcome = z.enum(["success", "failure", "denied", "notice"]);
export type AuditOutcome = z.infer<typeof ZAuditOutcome>;

const ZAuditEntryBase = z.object({
  actorId: z.string().nullable(),
  targetType: z.string().optional(),
  targetId: z.string().optional(),
  outcome: ZAuditOutcome,
});

// One object per action: its name and its details' schema (required where it has details that
// must be said). Tests and readers check entries against it; writers get the same by type.
const entrySchemas = AUDIT_ACTIONS.map((action) => {
  const details = AUDIT_DETAILS[action];
  return ZAuditEntryBase.extend({
    action: z.literal(action),
    details: details.safeParse({}).success ? details.optional() : details,
  });
});
export const ZAuditEntry = z.discriminatedUnion(
  "action",
  entrySchemas as [(typeof entrySchemas)[number], ...(typeof entrySchemas)[number][]],
);

export type AuditDetailsOf<A extends AuditAction> = z.input<(typeof AUDIT_DETAILS)[A]>;

// Details may be left out only where the action has none that must be said.
type DetailsField<A extends AuditAction> =
  Record<never, never> extends AuditDetailsOf<A> ? { details?: AuditDetailsOf<A> } : { details: AuditDetailsOf<A> };

/** An entry for one of `A`'s actions. */
export type AuditEntryOf<A extends AuditAction> = {
  [Action in A]: Flat<z.input<typeof ZAuditEntryBase> & { action: Action } & DetailsField<Action>>;
}[A];
// One object type, not an intersection: TypeScript then matches an entry whose action is one of
// two (`enabled ? "sso.enable" : "sso.disable"`) against the union member by member.
type Flat<T> = { [K in keyof T]: T[K] };

export type AuditEntry = AuditEntryOf<AuditAction>;
