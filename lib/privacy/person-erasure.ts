import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { removeOrphanDocumentFiles } from "@/lib/documents/orphans";
import { ConflictError } from "@/lib/errors";

import {
  databaseKindOf,
  deleteCandidates,
  eraseSentCandidates,
  isInFlight,
  isSentOrLinked,
  lockCandidates,
} from "./candidate-erasure";
import { countPersonData, findPersonData, hasPersonData, type PersonData, type PersonQuery } from "./person-data";
import { pseudonymFor, pseudonymizeDetails } from "./pseudonym";

// An erasure request (GDPR Art. 17): everything found about the person goes in one transaction,
// or nothing does. The audit log keeps that an erasure happened, by whom and when, and how many
// records of each kind; not whom it was about. Personio is not touched: an employee's HR record
// is erased in Personio itself.

/** A candidate of the person is being sent to Personio right now: nothing is erased; try again shortly. */
export class SendInFlightError extends ConflictError {
  constructor() {
    super("send_in_flight");
  }
}

/** The strings that identify the person, replaced wherever an audit entry about them holds one. */
function identifyingTexts(data: PersonData) {
  const texts = new Set<string>();
  const add = (value: string | null | undefined) => {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= 3) texts.add(trimmed);
  };
  add(data.email);
  for (const candidate of data.candidates) {
    add(candidate.email);
    add(candidate.phone);
    add(`${candidate.firstName} ${candidate.lastName}`);
  }
  return [...texts];
}

function scrubValue(value: unknown, texts: string[], names: Set<string>, pseudonym: string): unknown {
  if (typeof value === "string") {
    if (names.has(value.trim())) return pseudonym;
    let result = value;
    for (const text of texts) result = result.split(text).join(pseudonym);
    // Emails are matched whatever their case.
    for (const text of texts)
      if (text.includes("@")) result = result.replace(new RegExp(escape(text), "gi"), pseudonym);
    return result;
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, texts, names, pseudonym));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, scrubValue(item, texts, names, pseudonym)]),
    );
  return value;
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An audit entry's details with the person's values replaced by the entry's pseudonym. */
export function scrubAuditDetails(details: string | null, targetId: string | null, data: PersonData) {
  const keyed = pseudonymizeDetails(details, targetId) ?? details;
  if (!keyed) return keyed;
  const names = new Set<string>(data.candidates.flatMap((candidate) => [candidate.firstName, candidate.lastName]));
  names.delete("");
  try {
    return JSON.stringify(
      scrubValue(JSON.parse(keyed) as unknown, identifyingTexts(data), names, pseudonymFor(targetId)),
    );
  } catch {
    return null;
  }
}

export type ErasureResult = { found: false } | { found: true; counts: ReturnType<typeof countPersonData> };

export async function erasePerson(
  client: PrismaClient,
  input: PersonQuery & { actorId: string | null; via: "screen" | "api"; apiKeyId?: string },
): Promise<ErasureResult> {
  const kind = databaseKindOf(client);
  const result = await client.$transaction(
    async (tx) => {
      // Found again inside the transaction: what is erased is what is there now.
      const data = await findPersonData(tx, input);
      if (!data || !hasPersonData(data)) return { found: false } as const;
      const locked = await lockCandidates(
        tx,
        kind,
        data.candidates.map((candidate) => candidate.id),
      );
      if (locked.some(isInFlight)) throw new SendInFlightError();
      const now = new Date();
      await eraseSentCandidates(
        tx,
        locked.filter((row) => isSentOrLinked(row) && !row.erasedAt).map((row) => row.id),
        now,
        kind,
      );
      await deleteCandidates(
        tx,
        locked.filter((row) => !isSentOrLinked(row)).map((row) => row.id),
        kind,
      );
      await tx.webhookDelivery.deleteMany({ where: { id: { in: data.intakeLog.map((entry) => entry.id) } } });
      await tx.candidateImportRejection.deleteMany({ where: { id: { in: data.rejectedRows.map((row) => row.id) } } });
      // The file of an import not yet run: its parts go; the import can no longer run.
      const fileImports = data.importFiles.map((file) => file.id);
      await tx.candidateImportFileChunk.deleteMany({ where: { importId: { in: fileImports } } });
      await tx.candidateImport.updateMany({
        where: { id: { in: fileImports }, status: "UPLOADED" },
        data: { status: "FAILED", errorCode: "erased" },
      });
      for (const entry of data.auditEntries) {
        await tx.auditLog.update({
          where: { id: entry.id },
          data: { details: scrubAuditDetails(entry.details, entry.targetId, data), pseudonymizedAt: now },
        });
      }
      await tx.outboxMessage.deleteMany({ where: { id: { in: data.emailsSent.map((message) => message.id) } } });
      await tx.apiIdempotencyRecord.deleteMany({ where: { id: { in: data.apiAnswers.map((answer) => answer.id) } } });
      const counts = countPersonData(data);
      await writeAuditLog(tx, {
        actorId: input.actorId,
        action: "privacy.erase",
        outcome: "success",
        details: { via: input.via, ...(input.apiKeyId ? { apiKeyId: input.apiKeyId } : {}), ...counts },
      });
      return { found: true, counts } as const;
    },
    { timeout: 60_000 },
  );
  // The erased candidates' files, now that their rows are gone.
  if (result.found) await removeOrphanDocumentFiles(client);
  return result;
}
