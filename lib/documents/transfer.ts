import "server-only";

import { enqueueJob } from "@/lib/background/enqueue";
import type { Prisma } from "@/generated/prisma/client";

// Queues the upload of documents to an employee's file in Personio, one background job per
// document (lib/documents/transfer-job.ts), in the caller's transaction: the send or link that
// created the employee, or a retry from the profile. Each attempt has a key of its own
// (document id + attempt), so a repeated request queues nothing twice.

export const DOCUMENT_TRANSFER_JOB = "document-transfer";

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
