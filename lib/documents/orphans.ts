import "server-only";

import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

import type { PrismaClient } from "@/generated/prisma/client";

import { documentsDir, listStoredDocumentIds, removeDocumentFile } from "./storage";

// Files whose document row is gone (its candidate erased or deleted, by a request or the
// retention rules): removed from disk. A row is written before its file is given its name
// (lib/documents/service.ts), so a file without a row is never an upload in progress; an
// upload's temporary file is removed once it is an hour old (its process died mid-upload).

const STALE_UPLOAD_MS = 60 * 60_000;
const BATCH = 500;

export async function removeOrphanDocumentFiles(client: PrismaClient): Promise<{ removed: number }> {
  const stored = await listStoredDocumentIds();
  let removed = 0;
  for (let start = 0; start < stored.length; start += BATCH) {
    const ids = stored.slice(start, start + BATCH);
    const rows = await client.candidateDocument.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const known = new Set(rows.map((row) => row.id));
    for (const id of ids) {
      if (known.has(id)) continue;
      await removeDocumentFile(id);
      removed += 1;
    }
  }
  removed += await removeStaleUploads();
  return { removed };
}

async function removeStaleUploads(): Promise<number> {
  const dir = documentsDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((entry) => entry.startsWith(".upload-"))) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_UPLOAD_MS) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
