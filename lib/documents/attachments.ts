import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { requestLogger } from "@/lib/logger";
import type { LinkedAttachment } from "@/lib/webhooks/interpretation";

import { AttachmentFetchError, fetchAttachment } from "./fetch-attachment";
import { addCandidateDocument } from "./service";
import { DocumentRefusedError } from "./storage";

// At most this many files per delivery: a payload cannot make the app fetch without end.
const MAX_ATTACHMENTS = 10;

/**
 * Fetches a delivery's attachments onto the candidate as it arrives: their URLs expire (minutes
 * to days), so they cannot wait for a person. A file the candidate already has (same SHA-256) is
 * not stored twice, so a re-sent delivery adds nothing. A refused URL is logged and audited with
 * its host and reason (no URL: it carries a signature), and the hire itself stands.
 */
export async function importLinkedAttachments(input: {
  candidateId: string;
  sourceId: string;
  attachments: LinkedAttachment[];
}): Promise<{ stored: number; refused: number }> {
  const log = await requestLogger();
  let stored = 0;
  let refused = 0;
  for (const attachment of input.attachments.slice(0, MAX_ATTACHMENTS)) {
    try {
      const { body } = await fetchAttachment(attachment.url);
      const { id } = await addCandidateDocument({
        candidateId: input.candidateId,
        origin: { via: "webhook", sourceId: input.sourceId },
        fileName: attachment.fileName,
        body,
        kind: attachment.kind,
        skipDuplicate: true,
      });
      if (id) stored += 1;
    } catch (error) {
      refused += 1;
      if (error instanceof AttachmentFetchError) {
        log.warn(
          { candidateId: input.candidateId, sourceId: input.sourceId, host: error.host, reason: error.reason },
          "Attachment fetch refused",
        );
        await writeAuditLog(db, {
          actorId: null,
          action: "document.fetch-refused",
          targetType: "candidate",
          targetId: input.candidateId,
          outcome: "denied",
          details: { via: "webhook", sourceId: input.sourceId, host: error.host, reason: error.reason },
        });
      } else if (!(error instanceof DocumentRefusedError)) {
        log.error({ err: error, candidateId: input.candidateId, sourceId: input.sourceId }, "Attachment import failed");
      }
    }
  }
  return { stored, refused };
}
