import "server-only";

import { openAsBlob } from "node:fs";

import { z } from "zod";

import { writeAuditLog } from "@/lib/audit";
import { PermanentJobError, RetryableJobError } from "@/lib/background/errors";
import { defineJobKind } from "@/lib/background/registry";
import { db } from "@/lib/db";
import { requestLogger } from "@/lib/logger";
import { isPersonioError } from "@/lib/personio/errors";
import { getConnectedPersonioClient } from "@/lib/personio/integration/connection";

import { DOCUMENT_TRANSFER_JOB } from "./job-kind";
import { documentFileExists, documentPath } from "./storage";

// One document to the employee's file: `POST /company/documents` with the file streamed from
// disk. The employee is never touched here, so a failed upload is retried (automatically for a
// rate limit or an outage, by a person from the profile otherwise) without any risk of a second
// employee. An upload whose answer was lost may have happened: it is not repeated blindly but
// failed with that code, for a person to check in Personio and retry.

async function fail(documentId: string, code: string, permanent: boolean): Promise<never> {
  await db.candidateDocument.update({ where: { id: documentId }, data: { transferError: code } });
  throw permanent ? new PermanentJobError(code) : new RetryableJobError(code);
}

export const documentTransferJob = defineJobKind({
  kind: DOCUMENT_TRANSFER_JOB,
  payload: z.object({ documentId: z.string() }),
  // Personio allows 60 uploads a minute: a rate limit clears within minutes.
  retry: { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 },
  leaseMs: 120_000,
  async run({ documentId }, context) {
    const document = await db.candidateDocument.findUnique({
      where: { id: documentId },
      select: {
        id: true,
        fileName: true,
        mimeType: true,
        transferStatus: true,
        personioCategoryId: true,
        candidateId: true,
        candidate: { select: { handoff: { select: { status: true, personioEmployeeId: true } } } },
      },
    });
    if (!document || document.transferStatus !== "QUEUED") return; // sent meanwhile, or erased
    const employeeId = document.candidate.handoff?.personioEmployeeId;
    if (!employeeId || !document.personioCategoryId) return fail(documentId, "not_in_personio", true);
    if (!(await documentFileExists(documentId))) return fail(documentId, "file_missing", true);
    const connection = await getConnectedPersonioClient();
    if (!connection) return fail(documentId, "not_connected", false);
    if (!connection.enabled) return fail(documentId, "integration_disabled", false);
    const file = await openAsBlob(documentPath(documentId), { type: document.mimeType });
    let personioDocumentId: number;
    try {
      ({ id: personioDocumentId } = await connection.client.uploadDocument({
        employeeId,
        categoryId: document.personioCategoryId,
        title: document.fileName,
        file,
        fileName: document.fileName,
      }));
    } catch (error) {
      context.signal.throwIfAborted();
      const code = isPersonioError(error) ? error.code : "unexpected";
      // Retried on its own only when nothing was written: a rate limit or an outage before Personio took it.
      const retryable =
        isPersonioError(error) && !error.outcomeUnknown && (code === "rate_limited" || code === "unavailable");
      await writeAuditLog(db, {
        actorId: null,
        action: "document.transfer",
        targetType: "candidate",
        targetId: document.candidateId,
        outcome: "failure",
        details: { documentId, fileName: document.fileName, employeeId, categoryId: document.personioCategoryId, code },
      });
      (await requestLogger()).warn({ documentId, employeeId, code }, "Document transfer failed");
      return fail(documentId, code, !retryable);
    }
    await db.$transaction(async (tx) => {
      await tx.candidateDocument.update({
        where: { id: documentId },
        data: { transferStatus: "SENT", personioDocumentId, transferError: null, transferredAt: context.now() },
      });
      await writeAuditLog(tx, {
        actorId: null,
        action: "document.transfer",
        targetType: "candidate",
        targetId: document.candidateId,
        outcome: "success",
        details: {
          documentId,
          fileName: document.fileName,
          employeeId,
          categoryId: document.personioCategoryId!,
          personioDocumentId,
        },
      });
    });
  },
  async onFailed(tx, { documentId }, { code }) {
    await tx.candidateDocument.updateMany({
      where: { id: documentId, transferStatus: "QUEUED" },
      data: { transferStatus: "FAILED", transferError: code },
    });
  },
});
