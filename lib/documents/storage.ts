import "server-only";

import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

import { env } from "@/lib/env";

import { isPersonioExtension, MAX_DOCUMENT_BYTES, TEXT_EXTENSIONS, type DocumentRefusal } from "./limits";

// Files live on disk, named by their row's id, under DOCUMENTS_DIR (data/documents by default,
// so a container mounts one volume). A file is streamed to a temporary name while it is hashed
// and counted, and renamed only once it passed every check: a refused or broken upload leaves
// nothing behind, and no file is ever held whole in memory.

export class DocumentRefusedError extends Error {
  constructor(
    readonly refusal: DocumentRefusal,
    readonly detected?: string,
  ) {
    super(`Document refused: ${refusal}`);
    this.name = "DocumentRefusedError";
  }
}

export function documentsDir(): string {
  return path.resolve(env.DOCUMENTS_DIR);
}

export function documentPath(documentId: string): string {
  if (!/^[\w-]{1,64}$/.test(documentId)) throw new Error("Invalid document id");
  return path.join(documentsDir(), documentId);
}

export type StagedDocument = {
  tempPath: string;
  size: number;
  sha256: string;
  mimeType: string;
  extension: string;
};

/** Streams a file to a temporary name, hashing and counting; refuses past the size limit. */
export async function stageDocument(
  source: ReadableStream<Uint8Array> | Readable,
  fileName: string,
): Promise<StagedDocument> {
  const dir = documentsDir();
  await mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, `.upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const hash = createHash("sha256");
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > MAX_DOCUMENT_BYTES) return callback(new DocumentRefusedError("too_large"));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const input =
    source instanceof Readable ? source : Readable.fromWeb(source as import("node:stream/web").ReadableStream);
  try {
    await pipeline(input, counter, createWriteStream(tempPath, { flags: "wx" }));
    if (size === 0) throw new DocumentRefusedError("empty");
    const type = await detectType(tempPath, fileName);
    return { tempPath, size, sha256: hash.digest("hex"), ...type };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

async function detectType(filePath: string, fileName: string): Promise<{ mimeType: string; extension: string }> {
  // ESM-only; loaded when first needed.
  const { fileTypeFromFile } = await import("file-type");
  const detected = await fileTypeFromFile(filePath);
  if (detected) {
    if (!isPersonioExtension(detected.ext)) throw new DocumentRefusedError("type_not_accepted", detected.ext);
    return { mimeType: detected.mime, extension: detected.ext };
  }
  const named = path.extname(fileName).slice(1).toLowerCase();
  if (TEXT_EXTENSIONS.has(named) && (await looksLikeText(filePath))) {
    return { mimeType: named === "csv" ? "text/csv" : "text/plain", extension: named };
  }
  throw new DocumentRefusedError("type_not_accepted", named || undefined);
}

async function looksLikeText(filePath: string): Promise<boolean> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const sample = buffer.subarray(0, bytesRead);
    if (sample.includes(0)) return false;
    // A cut in the middle of a multi-byte character at the sample's end is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, Math.max(0, bytesRead - 4)));
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

export async function commitStagedDocument(staged: StagedDocument, documentId: string) {
  await rename(staged.tempPath, documentPath(documentId));
}

export async function discardStagedDocument(staged: StagedDocument) {
  await rm(staged.tempPath, { force: true });
}

export function openDocumentStream(documentId: string) {
  return createReadStream(documentPath(documentId));
}

export async function documentFileExists(documentId: string): Promise<boolean> {
  return stat(documentPath(documentId)).then(
    () => true,
    () => false,
  );
}

export async function removeDocumentFile(documentId: string) {
  await rm(documentPath(documentId), { force: true });
}

/** Every stored file's name (its document id); temporary uploads are left out. */
export async function listStoredDocumentIds(): Promise<string[]> {
  const names = await readdir(documentsDir()).catch(() => [] as string[]);
  return names.filter((name) => !name.startsWith("."));
}
