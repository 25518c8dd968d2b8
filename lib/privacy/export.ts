import "server-only";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";

import { countPersonData, findPersonData, type PersonQuery } from "./person-data";

// An access request (GDPR Art. 15): everything Handoff holds about the person as one JSON
// document, the stored JSON columns unpacked so it reads as one document. Audited with counts only.

function unpack(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function exportPersonData(input: PersonQuery & { actorId: string }) {
  const data = await findPersonData(db, input);
  if (!data) return null;
  const counts = countPersonData(data);
  const document = {
    exportedAt: new Date().toISOString(),
    query: { email: data.email || null, candidateId: input.candidateId ?? null },
    note: "Handoff keeps no data read from Personio; an employee's HR record is requested from Personio itself.",
    counts,
    // The search columns are copies of the names and email, folded: left out.
    candidates: data.candidates.map(
      ({ firstNameKey: _f, lastNameKey: _l, emailKey: _e, searchText: _s, handoff, ...candidate }) => ({
        ...candidate,
        handoff: handoff
          ? {
              status: handoff.status,
              personioEmployeeId: handoff.personioEmployeeId,
              sentAt: handoff.sentAt,
              sentById: handoff.sentById,
              sentFields: unpack(handoff.sentFields),
              personioWarnings: unpack(handoff.personioWarnings),
            }
          : null,
      }),
    ),
    intakeLog: data.intakeLog.map((entry) => ({ ...entry, mappedFields: unpack(entry.mappedFields) })),
    importRejectedRows: data.rejectedRows.map((row) => ({
      importId: row.importId,
      fileName: row.import.fileName,
      uploadedAt: row.import.createdAt,
      rowNumber: row.rowNumber,
      headers: unpack(row.import.headers),
      cells: unpack(row.cells),
      reasons: unpack(row.reasons),
    })),
    importFiles: data.importFiles,
    auditEntries: data.auditEntries.map((entry) => ({ ...entry, details: unpack(entry.details) })),
    emails: data.emailsSent,
    apiAnswers: data.apiAnswers.map((answer) => ({ ...answer, responseBody: unpack(answer.responseBody) })),
  };
  await writeAuditLog(db, { actorId: input.actorId, action: "privacy.export", outcome: "success", details: counts });
  return { document, counts };
}
