import "server-only";

import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { foldPlain } from "@/lib/candidates/search-text";

// Everything Handoff holds about one person, found by email (or by picking a candidate, whose
// email then searches the rest): candidates, the intake log, imports (rejected rows, uploaded
// files not yet imported), audit entries, emails and stored API answers. Shared by the access
// request (export) and the erasure request, so both always cover the same stores.

type Reader = PrismaClient | Prisma.TransactionClient;

export type PersonQuery = { email?: string; candidateId?: string };

// Files still held are those of imports not yet done; their parts are searched as text (CSV in
// any of the encodings the import reads). An XLSX file is compressed and cannot be searched so;
// it is listed with the imports whose rows matched.
const TEXT_ENCODINGS: BufferEncoding[] = ["utf8", "latin1", "utf16le"];
const IMPORT_IN_PROGRESS = ["QUEUED", "RUNNING"];

function variants(values: Array<string | null | undefined>): string[] {
  const set = new Set<string>();
  for (const value of values) {
    const trimmed = value?.trim();
    if (!trimmed) continue;
    set.add(trimmed);
    set.add(trimmed.toLowerCase());
  }
  return [...set];
}

function containsAny(column: string, texts: string[]) {
  return texts.map((text) => ({ [column]: { contains: text } }));
}

async function importFilesContaining(client: Reader, needles: string[]) {
  const withFiles = await client.candidateImport.findMany({
    where: { fileChunks: { some: {} }, status: { notIn: IMPORT_IN_PROGRESS } },
    select: { id: true, fileName: true, format: true, createdAt: true },
  });
  const lowered = needles.map((needle) => needle.toLowerCase());
  const found: typeof withFiles = [];
  for (const candidateImport of withFiles) {
    const parts = await client.candidateImportFileChunk.findMany({
      where: { importId: candidateImport.id },
      orderBy: { index: "asc" },
      select: { content: true },
    });
    const bytes = Buffer.concat(parts.map((part) => Buffer.from(part.content, "hex")));
    const matches = TEXT_ENCODINGS.some((encoding) => {
      const text = bytes.toString(encoding).toLowerCase();
      return lowered.some((needle) => text.includes(needle));
    });
    if (matches) found.push(candidateImport);
  }
  return found;
}

/** Every record about the person, as stored (the export's content and the erasure's list). */
export async function findPersonData(client: Reader, query: PersonQuery) {
  const email = query.email?.trim() ?? "";
  const candidates = await client.candidate.findMany({
    where: {
      OR: [
        ...(query.candidateId ? [{ id: query.candidateId }] : []),
        ...(email ? [{ emailKey: foldPlain(email) }] : []),
      ],
    },
    orderBy: { createdAt: "asc" },
    include: { job: { select: { title: true } }, handoff: true },
  });
  if (!email && !query.candidateId) return null;
  const candidateIds = candidates.map((candidate) => candidate.id);
  const emails = variants([email, ...candidates.map((candidate) => candidate.email)]);

  const [intakeLog, rejectedRows, importFiles, auditEntries, emailsSent, apiAnswers] = await Promise.all([
    client.webhookDelivery.findMany({
      where: { OR: [{ candidateId: { in: candidateIds } }, ...containsAny("mappedFields", emails)] },
      orderBy: { receivedAt: "asc" },
      select: {
        id: true,
        receivedAt: true,
        eventType: true,
        outcome: true,
        externalId: true,
        candidateId: true,
        mappedFields: true,
        source: { select: { name: true, kind: true } },
      },
    }),
    emails.length
      ? client.candidateImportRejection.findMany({
          where: { OR: containsAny("cells", emails) },
          orderBy: [{ importId: "asc" }, { rowNumber: "asc" }],
          select: {
            id: true,
            importId: true,
            rowNumber: true,
            reasons: true,
            cells: true,
            import: { select: { fileName: true, headers: true, createdAt: true } },
          },
        })
      : [],
    emails.length ? importFilesContaining(client, emails) : [],
    client.auditLog.findMany({
      where: {
        OR: [{ targetType: "candidate", targetId: { in: candidateIds } }, ...containsAny("details", emails)],
      },
      orderBy: { at: "asc" },
      select: { id: true, at: true, action: true, outcome: true, targetType: true, targetId: true, details: true },
    }),
    emails.length
      ? client.outboxMessage.findMany({
          where: { OR: [{ recipient: { in: emails } }, ...containsAny("subject", emails)] },
          select: { id: true, template: true, recipient: true, subject: true, status: true, createdAt: true },
        })
      : [],
    emails.length
      ? client.apiIdempotencyRecord.findMany({
          where: { OR: containsAny("responseBody", emails) },
          select: { id: true, createdAt: true, status: true, responseBody: true },
        })
      : [],
  ]);
  return { email, candidates, intakeLog, rejectedRows, importFiles, auditEntries, emailsSent, apiAnswers };
}

export type PersonData = NonNullable<Awaited<ReturnType<typeof findPersonData>>>;

/** How many records of each kind; what the page shows before an erasure and what the audit keeps. */
export function countPersonData(data: PersonData) {
  return {
    candidates: data.candidates.length,
    intakeEntries: data.intakeLog.length,
    rejectedRows: data.rejectedRows.length,
    importFiles: data.importFiles.length,
    auditEntries: data.auditEntries.length,
    emails: data.emailsSent.length,
    apiAnswers: data.apiAnswers.length,
  };
}

export function hasPersonData(data: PersonData) {
  return Object.values(countPersonData(data)).some((count) => count > 0);
}
