import "server-only";

import { Readable } from "node:stream";

import Busboy from "busboy";

import { authenticateApiKey } from "@/lib/api-keys/service";
import { problemResponse } from "@/lib/api/problem";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { logFailure } from "@/lib/logger";
import { createDatabaseLimiterPerKey, type KeyedLimiter } from "@/lib/rate-limit";

import { MAX_DOCUMENT_BYTES } from "./limits";
import { addCandidateDocument } from "./service";
import { DocumentRefusedError } from "./storage";

// POST /api/v1/candidates/{id}/documents: multipart/form-data with one part named "file" (its
// filename is the document's name). The part is streamed to disk as it arrives (busboy), never
// held in memory. Scope documents:write; the same key rate limit as every /api/v1 call.

let limiter: KeyedLimiter | undefined;

const REFUSAL_DETAIL = {
  too_large: `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, the most Personio accepts.`,
  type_not_accepted: "The file's content is not a type Personio accepts (the name's extension is not trusted).",
  empty: "The file is empty.",
} as const;

export async function handleApiDocumentUpload(request: Request, candidateId: string): Promise<Response> {
  const match = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i);
  const apiKey = await authenticateApiKey(match?.[1] ?? null);
  const bearer = { "WWW-Authenticate": 'Bearer realm="handoff"' };
  if (typeof apiKey === "string") return problemResponse("unauthenticated", undefined, { headers: bearer });
  if (!apiKey.scopes.has("documents:write"))
    return problemResponse("missing_scope", "This operation needs the scope documents:write.");
  limiter ??= createDatabaseLimiterPerKey(db, { name: "api-key", windowSeconds: 60 });
  const rate = await limiter.take(apiKey.id, apiKey.rateLimitPerMinute);
  if (!rate.allowed)
    return problemResponse("rate_limited", `This API key may make ${apiKey.rateLimitPerMinute} requests a minute.`);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body)
    return problemResponse("unsupported_media_type", "Send multipart/form-data with the file in a part named file.");
  try {
    const created = await new Promise<{ id: string | null } | null>((resolve, reject) => {
      const parser = Busboy({
        headers: { "content-type": contentType },
        limits: { files: 1, fileSize: MAX_DOCUMENT_BYTES + 1, fields: 10 },
      });
      let handled = false;
      parser.on("file", (name, stream, info) => {
        if (name !== "file" || handled) return stream.resume();
        handled = true;
        addCandidateDocument({
          candidateId,
          origin: { via: "api", apiKeyId: apiKey.id },
          fileName: info.filename || "document",
          body: stream,
        }).then(resolve, (error: unknown) => {
          stream.resume();
          reject(error);
        });
      });
      parser.on("error", reject);
      parser.on("close", () => {
        if (!handled) resolve(null);
      });
      Readable.fromWeb(request.body as import("node:stream/web").ReadableStream).pipe(parser);
    });
    if (!created)
      return problemResponse("validation_failed", "No part named file.", {
        errors: [{ pointer: "#/file", detail: "Required." }],
      });
    return Response.json({ id: created.id, candidateId }, { status: 201 });
  } catch (error) {
    if (error instanceof DocumentRefusedError) {
      const code = error.refusal === "too_large" ? "body_too_large" : "validation_failed";
      return problemResponse(code, REFUSAL_DETAIL[error.refusal], {
        errors: [{ pointer: "#/file", detail: REFUSAL_DETAIL[error.refusal] }],
      });
    }
    if (error instanceof NotFoundError) return problemResponse("not_found", "No candidate with this id.");
    await logFailure(error, { operation: "uploadCandidateDocument" });
    return problemResponse("internal", "Something went wrong on our side. Try again later.");
  }
}
