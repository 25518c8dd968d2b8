import { Readable } from "node:stream";

import { writeAuditLog } from "@/lib/audit";
import { recordAccessDenied } from "@/lib/auth/access-denied";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { getDocumentForDownload } from "@/lib/documents/service";
import { documentFileExists, openDocumentStream } from "@/lib/documents/storage";
import { can } from "@/lib/permissions";

// A candidate's document, for people with documents:read only, and always as a download: a
// file that claims to be HTML or SVG must never render in the app's origin.
export async function GET(_request: Request, context: { params: Promise<{ documentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!can(user, "documents:read")) {
    await recordAccessDenied(user, "documents:read", "action");
    return new Response(null, { status: 403 });
  }
  const { documentId } = await context.params;
  const document = /^[\w-]{1,64}$/.test(documentId) ? await getDocumentForDownload(documentId) : null;
  if (!document || !(await documentFileExists(document.id))) return new Response(null, { status: 404 });
  await writeAuditLog(db, {
    actorId: user.id,
    action: "document.download",
    targetType: "candidate",
    targetId: document.candidateId,
    outcome: "success",
    details: { documentId: document.id, fileName: document.fileName },
  });
  const stream = Readable.toWeb(openDocumentStream(document.id)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "Content-Type": document.mimeType,
      "Content-Length": String(document.size),
      "Content-Disposition": `attachment; filename="${asciiName(document.fileName)}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

function asciiName(name: string) {
  return name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
}
