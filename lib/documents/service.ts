import "server-only";

import type { Readable } from "node:stream";

import { writeAuditLog } from "@/lib/audit";
import { originActorId, originDetails, type CandidateOrigin } from "@/lib/candidates/origin";
import { db } from "@/lib/db";
import { newRowId } from "@/lib/db/row-id";
import { NotFoundError } from "@/lib/errors";
import { requestLogger } from "@/lib/logger";

import { guessDocumentKind, MAX_DOCUMENT_TITLE, type DocumentKind } from "./limits";
import { commitStagedDocument, discardStagedDocument, DocumentRefusedError, stageDocument } from "./storage";

export type CandidateDocumentView = {
  id: string;
  fileName: string;
  size: number;
  mimeType: string;
  kind: string;
  createdAt: string;
  transferStatus: string;
  personioCategoryId: number | null;
  transferError: string | null;
};

/** The name as shown and sent as Personio's title: no path, no control characters, bounded. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, "")
    .trim();
  return (clean || "document").slice(0, MAX_DOCUMENT_TITLE);
}

/**
 * Stores one file on a candidate: streamed to disk, checked (size, type from the content), then
 * the row and its audit entry in one transaction. A refusal is audited too (who tried what).
 */
export async function addCandidateDocument(input: {
  candidateId: string;
  origin: CandidateOrigin;
  fileName: string;
  body: ReadableStream<Uint8Array> | Readable;
  kind?: DocumentKind;
  /** A file the candidate already has (same SHA-256) is not stored again: id null. */
  skipDuplicate?: boolean;
}): Promise<{ id: string | null }> {
  const fileName = cleanFileName(input.fileName);
  const candidate = await db.candidate.findUnique({
    where: { id: input.candidateId },
    select: { id: true, erasedAt: true },
  });
  if (!candidate || candidate.erasedAt) throw new NotFoundError("candidate");
  const audit = { actorId: originActorId(input.origin), targetType: "candidate", targetId: candidate.id } as const;
  let staged;
  try {
    staged = await stageDocument(input.body, fileName);
  } catch (error) {
    if (error instanceof DocumentRefusedError) {
      await writeAuditLog(db, {
        ...audit,
        action: "document.upload",
        outcome: "failure",
        details: { ...originDetails(input.origin), documentId: "", fileName, size: 0, sha256: "", code: error.refusal },
      });
    }
    throw error;
  }
  if (input.skipDuplicate) {
    const same = await db.candidateDocument.findFirst({
      where: { candidateId: candidate.id, sha256: staged.sha256 },
      select: { id: true },
    });
    if (same) {
      await discardStagedDocument(staged);
      return { id: null };
    }
  }
  const id = newRowId();
  // The row first, then the file under its name: a file on disk always has its row, so the
  // orphan scan (lib/documents/orphans.ts) can run at any moment without taking an upload.
  try {
    await db.$transaction(async (tx) => {
      await tx.candidateDocument.create({
        data: {
          id,
          candidateId: candidate.id,
          fileName,
          mimeType: staged.mimeType,
          extension: staged.extension,
          size: staged.size,
          sha256: staged.sha256,
          kind: input.kind ?? guessDocumentKind(fileName),
          uploadedById: originActorId(input.origin),
        },
      });
      await writeAuditLog(tx, {
        ...audit,
        action: "document.upload",
        outcome: "success",
        details: { ...originDetails(input.origin), documentId: id, fileName, size: staged.size, sha256: staged.sha256 },
      });
    });
  } catch (error) {
    await discardStagedDocument(staged);
    throw error;
  }
  try {
    await commitStagedDocument(staged, id);
  } catch (error) {
    await discardStagedDocument(staged);
    await db.candidateDocument.deleteMany({ where: { id } });
    throw error;
  }
  (await requestLogger()).info({ documentId: id, candidateId: candidate.id, size: staged.size }, "Document stored");
  return { id };
}

export async function listCandidateDocuments(candidateId: string): Promise<CandidateDocumentView[]> {
  const rows = await db.candidateDocument.findMany({
    where: { candidateId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fileName: true,
      size: true,
      mimeType: true,
      kind: true,
      createdAt: true,
      transferStatus: true,
      personioCategoryId: true,
      transferError: true,
    },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** For the download: the row, or null; recorded in the audit log by the caller's route. */
export async function getDocumentForDownload(documentId: string) {
  return db.candidateDocument.findUnique({
    where: { id: documentId },
    select: { id: true, fileName: true, mimeType: true, size: true, candidateId: true },
  });
}
