import "server-only";

// What a send or a link reads before it claims the candidate, in one statement: the candidate
// with its job and handoff state, the sendable stages, the chosen fields, the connection, and the
// addresses that hear of a new employee. Read one by one through Prisma these were seven
// statements, and each Prisma query costs about a millisecond of CPU on the event loop (its query
// plan is compiled on every call) before it reaches the database, while the recruiter waits.
// The values are parsed by the modules that own them, so each rule stays in one place; the
// database test (send-context.db.test.ts) holds this read equal to theirs.
import type { Stage } from "@/lib/candidates/stages";
import { db } from "@/lib/db";
import { HANDOFF_SETTINGS_ID, parseSendableStages } from "@/lib/handoff/send-settings";
import type { HandoffStatus } from "@/lib/handoff/status";
import { NOTIFICATION_SETTINGS_ID, parseNewEmployeeAddresses } from "@/lib/notifications/addresses";
import { parseFieldConfig, type FieldConfig } from "@/lib/personio-fields/config";
import { FIELD_CONFIG_ID } from "@/lib/personio-fields/store";
import type { PrefillCandidate } from "@/lib/personio-fields/values";
import {
  PERSONIO_INTEGRATION_ID,
  toConnectedPersonio,
  type ConnectedPersonio,
} from "@/lib/personio/integration/connection";

export type SendContext = {
  candidate:
    | (PrefillCandidate & {
        stage: string;
        firstName: string;
        lastName: string;
        email: string;
        handoff: { status: HandoffStatus } | null;
      })
    | null;
  sendableStages: Stage[];
  config: FieldConfig;
  connection: ConnectedPersonio | null;
  newEmployeeAddresses: string[];
};

type Row = {
  stage: string;
  firstName: string;
  lastName: string;
  email: string;
  startDate: string | null;
  department: string | null;
  office: string | null;
  jobTitle: string;
  jobDepartment: string;
  jobOffice: string;
  handoffStatus: string | null;
  sendableStages: string | null;
  fieldConfig: string | null;
  newEmployeeAddresses: string | null;
  clientId: string | null;
  clientSecretEncrypted: string | null;
  apiVersion: string | null;
  subdomain: string | null;
  enabled: boolean | number | null;
  lastSuccessAt: Date | string | null;
  lastErrorAt: Date | string | null;
};

export async function readSendContext(candidateId: string): Promise<SendContext> {
  // Quoted identifiers and scalar subqueries: the same statement on SQLite and PostgreSQL.
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."stage", c."firstName", c."lastName", c."email", c."startDate", c."department", c."office",
           j."title" AS "jobTitle", j."department" AS "jobDepartment", j."office" AS "jobOffice",
           h."status" AS "handoffStatus",
           (SELECT s."sendableStages" FROM "HandoffSettings" s WHERE s."id" = ${HANDOFF_SETTINGS_ID}) AS "sendableStages",
           (SELECT f."fields" FROM "PersonioFieldConfig" f WHERE f."id" = ${FIELD_CONFIG_ID}) AS "fieldConfig",
           (SELECT n."newEmployeeAddresses" FROM "NotificationSettings" n WHERE n."id" = ${NOTIFICATION_SETTINGS_ID}) AS "newEmployeeAddresses",
           i."clientId", i."clientSecretEncrypted", i."apiVersion", i."subdomain", i."enabled",
           i."lastSuccessAt", i."lastErrorAt"
    FROM "Candidate" c
    JOIN "Job" j ON j."id" = c."jobId"
    LEFT JOIN "Handoff" h ON h."candidateId" = c."id"
    LEFT JOIN "PersonioIntegration" i ON i."id" = ${PERSONIO_INTEGRATION_ID}
    WHERE c."id" = ${candidateId}`;
  const row = rows[0];
  // No such candidate: the caller answers "not found" and needs nothing else.
  if (!row)
    return {
      candidate: null,
      sendableStages: parseSendableStages(null),
      config: parseFieldConfig(null),
      connection: null,
      newEmployeeAddresses: [],
    };
  return {
    candidate: {
      stage: row.stage,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      startDate: row.startDate,
      department: row.department,
      office: row.office,
      job: { title: row.jobTitle, department: row.jobDepartment, office: row.jobOffice },
      handoff: row.handoffStatus === null ? null : { status: row.handoffStatus as HandoffStatus },
    },
    sendableStages: parseSendableStages(row.sendableStages),
    config: parseFieldConfig(row.fieldConfig),
    connection:
      row.clientId !== null && row.clientSecretEncrypted !== null && row.subdomain !== null
        ? toConnectedPersonio({
            clientId: row.clientId,
            clientSecretEncrypted: row.clientSecretEncrypted,
            apiVersion: row.apiVersion ?? "v1",
            subdomain: row.subdomain,
            enabled: row.enabled === true || Number(row.enabled) === 1,
            lastSuccessAt: toDate(row.lastSuccessAt),
            lastErrorAt: toDate(row.lastErrorAt),
          })
        : null,
    newEmployeeAddresses: parseNewEmployeeAddresses(row.newEmployeeAddresses),
  };
}

// A raw read returns what the driver returns: a Date from PostgreSQL, the stored text from SQLite.
function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
