import { recordAccessDenied } from "@/lib/auth/access-denied";
import { getCurrentUser } from "@/lib/auth/current-user";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { addCandidateDocument } from "@/lib/documents/service";
import { DocumentRefusedError } from "@/lib/documents/storage";
import { NotFoundError } from "@/lib/errors";
import { requestLogger } from "@/lib/logger";
import { can } from "@/lib/permissions";

// The profile's upload: one file per request, its raw bytes as the body (streamed to disk, never
// buffered) and its name in X-File-Name, so the browser reports each file's progress. Server
// actions cap bodies far below Personio's 30 MB, hence a route handler.

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers });
}

export async function POST(request: Request, context: { params: Promise<{ candidateId: string }> }) {
  // The session cookie is SameSite=Lax; checking the origin as well keeps other sites out.
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return json(403, { code: "forbidden" });
  const user = await getCurrentUser();
  if (!user) return json(401, { code: "unauthenticated" });
  if (!can(user, "documents:upload")) {
    await recordAccessDenied(user, "documents:upload", "action");
    return json(403, { code: "forbidden" });
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  // Refused before a byte is stored when the size is declared; otherwise while streaming.
  if (declared > MAX_DOCUMENT_BYTES) return json(413, { code: "too_large" }, { connection: "close" });
  if (!request.body) return json(422, { code: "empty" });
  let fileName = "document";
  try {
    fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "document");
  } catch {
    // a name that is not valid percent-encoding: keep the default
  }
  const { candidateId } = await context.params;
  try {
    const created = await addCandidateDocument({
      candidateId,
      origin: { via: "screen", userId: user.id },
      fileName,
      body: request.body,
    });
    return json(201, { documentId: created.id });
  } catch (error) {
    if (error instanceof DocumentRefusedError) {
      const status = error.refusal === "too_large" ? 413 : 422;
      return json(status, { code: error.refusal, detected: error.detected ?? null });
    }
    if (error instanceof NotFoundError) return json(404, { code: "not_found" });
    (await requestLogger()).error({ err: error, userId: user.id, candidateId }, "Document upload failed");
    return json(500, { code: "unexpected" });
  }
}
