import { getCurrentUser } from "@/lib/auth/current-user";
import { isBodyTooLarge, readLimitedBody, tooLargeHeaders } from "@/lib/http/read-limited-body";
import { MAX_IMPORT_BYTES } from "@/lib/imports/limits";
import { createImport, ImportFileError } from "@/lib/imports/service";
import { requestLogger } from "@/lib/logger";
import { can } from "@/lib/permissions";

// The upload of an import file: the raw bytes as the body (not multipart, so nothing but the
// file is buffered), its name in X-File-Name. Server actions cap bodies far below 50 MB, hence
// a route handler. The answer is the stored import's id; the preview reads it from there.

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers });
}

export async function POST(request: Request) {
  // The session cookie is SameSite=Lax; checking the origin as well keeps other sites out.
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return json(403, { code: "forbidden" });
  const user = await getCurrentUser();
  if (!user) return json(401, { code: "unauthenticated" });
  if (!can(user, "candidates:import")) return json(403, { code: "forbidden" });

  const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES);
  if (isBodyTooLarge(bytes)) return json(413, { code: "file_too_large" }, tooLargeHeaders(bytes));
  let fileName = "upload";
  try {
    fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "upload");
  } catch {
    // a name that is not valid percent-encoding: keep the default
  }
  try {
    const created = await createImport({ actorId: user.id, fileName, bytes });
    return json(201, { importId: created.id });
  } catch (error) {
    if (error instanceof ImportFileError) {
      const { refusal, row, megabytes, sheet } = error.refused;
      return json(422, { code: refusal, row: row ?? null, megabytes: megabytes ?? null, sheet: sheet ?? null });
    }
    (await requestLogger()).error({ err: error, userId: user.id }, "Import upload failed");
    return json(500, { code: "unexpected" });
  }
}
