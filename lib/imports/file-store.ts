import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

// An import's file, kept in the database in parts (CandidateImportFileChunk): any app instance
// can resume an import, and no part is large enough to weigh on memory or on Prisma's engine.
// Each part is stored as hex text, which Prisma passes through as one string (why not Bytes:
// see the model). Parts are small because each is a query parameter that Prisma's query
// compiler copies: 48 kB (96 kB of hex) stays under V8's large-object size, while 1 MB parts
// made large objects, which only the old generation's collections free.
export const FILE_CHUNK_BYTES = 48 * 1024;

export async function storeImportFile(tx: Prisma.TransactionClient, importId: string, bytes: Uint8Array) {
  for (let index = 0; index * FILE_CHUNK_BYTES < bytes.length; index += 1) {
    const part = bytes.subarray(index * FILE_CHUNK_BYTES, (index + 1) * FILE_CHUNK_BYTES);
    await tx.candidateImportFileChunk.create({
      data: { importId, index, content: Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString("hex") },
      select: { index: true },
    });
  }
}

export async function hasImportFile(importId: string) {
  return (await db.candidateImportFileChunk.count({ where: { importId } })) > 0;
}

/** The file's bytes, a part at a time, in order. */
export async function* readImportFile(importId: string): AsyncGenerator<Uint8Array> {
  for (let index = 0; ; index += 1) {
    const part = await db.candidateImportFileChunk.findUnique({
      where: { importId_index: { importId, index } },
      select: { content: true },
    });
    if (!part) return;
    yield Buffer.from(part.content, "hex");
  }
}
