import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { enqueueJob } from "@/lib/background/enqueue";
import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { db } from "@/lib/db";
import { isHandoffDone } from "@/lib/handoff/status";

import { DOCUMENT_TRANSFER_JOB } from "./job-kind";

// Queues the upload of documents to an employee's file in Personio, one background job per
// document (lib/documents/transfer-job.ts), in the caller's transaction: the send or link that
// created the employee, or a retry from the profile. Each attempt has a key of its own
// (document id + attempt), so a repeated request queues nothing twice.

export type DocumentChoice = { documentId: string; categoryId: number };

export async function queueDocumentTransfers(
  tx: Prisma.TransactionClient,
  input: { candidateId: string; documents: DocumentChoice[] },
): Promise<number> {
  let queued = 0;
  for (const choice of input.documents) {
    const document = await tx.candidateDocument.findFirst({
      where: { id: choice.documentId, candidateId: input.candidateId, transferStatus: { in: ["NONE", "FAILED"] } },
      select: { id: true, transferAttempts: true },
    });
    if (!document) continue; // another candidate's, already sent, or already queued
    const attempt = document.transferAttempts + 1;
    await tx.candidateDocument.update({
      where: { id: document.id },
      data: {
        transferStatus: "QUEUED",
        personioCategoryId: choice.categoryId,
        transferError: null,
        transferAttempts: attempt,
      },
    });
    await enqueueJob(tx, {
      kind: DOCUMENT_TRANSFER_JOB,
      key: `${document.id}:${attempt}`,
      payload: { documentId: document.id },
    });
    queued += 1;
  }
  return queued;
}

export type ProfileTransferResult =
  { outcome: "queued" } | { outcome: "failed"; code: "not_in_personio" | "not_sendable" };

/**
 * From the profile, for a candidate already in Personio: sends one document that was not ticked
 * at the send, or again after its upload failed. The employee is not touched.
 */
export async function sendDocumentFromProfile(input: {
  candidateId: string;
  documentId: string;
  categoryId: number;
}): Promise<ProfileTransferResult> {
  const handoff = await db.handoff.findUnique({ where: { candidateId: input.candidateId }, select: { status: true } });
  if (!isHandoffDone(handoff?.status ?? null)) return { outcome: "failed", code: "not_in_personio" };
  const queued = await db.$transaction((tx) =>
    queueDocumentTransfers(tx, {
      candidateId: input.candidateId,
      documents: [{ documentId: input.documentId, categoryId: input.categoryId }],
    }),
  );
  if (queued === 0) return { outcome: "failed", code: "not_sendable" };
  kickBackgroundRunner();
  return { outcome: "queued" };
}
