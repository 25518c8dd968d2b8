import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";

import { afterAll, describe, expect, it, vi } from "vitest";

const dir = vi.hoisted(() => ({ path: "" }));
vi.mock("@/lib/env", () => ({
  env: {
    get DOCUMENTS_DIR() {
      return dir.path;
    },
  },
}));
dir.path = mkdtempSync(path.join(os.tmpdir(), "handoff-documents-"));
afterAll(() => rmSync(dir.path, { recursive: true, force: true }));

const { stageDocument, commitStagedDocument, discardStagedDocument, DocumentRefusedError } = await import("./storage");
const { MAX_DOCUMENT_BYTES } = await import("./limits");

// A stream of `size` bytes in 1 MiB chunks, starting with `head`: never the whole file in memory.
function streamOf(head: Buffer, size: number) {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const part = sent === 0 ? Buffer.concat([head, chunk]).subarray(0, Math.min(chunk.length, size)) : chunk;
      const piece = part.subarray(0, Math.min(part.length, size - sent));
      sent += piece.length;
      this.push(piece);
    },
  });
}

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof DocumentRefusedError ? [error.refusal, error.detected ?? null] : error;
  }
}

describe("storing a document", () => {
  it("stores a PDF under its id with size, type from the content and SHA-256", async () => {
    const staged = await stageDocument(streamOf(Buffer.from("%PDF-1.4\n"), 3 * 1024 * 1024), "Lebenslauf.docx");
    expect(staged).toMatchObject({ size: 3 * 1024 * 1024, mimeType: "application/pdf", extension: "pdf" });
    expect(staged.sha256).toMatch(/^[0-9a-f]{64}$/);
    await commitStagedDocument(staged, "doc1");
    expect(readdirSync(dir.path)).toEqual(["doc1"]);
  });

  it("refuses a file over 30 MB while it streams, and a program named .pdf; nothing is left behind", async () => {
    const pdf = Buffer.from("%PDF-1.4\n");
    expect(await refusalOf(stageDocument(streamOf(pdf, MAX_DOCUMENT_BYTES + 1), "big.pdf"))).toEqual([
      "too_large",
      null,
    ]);
    const program = Buffer.alloc(512);
    program.write("MZ");
    program.writeUInt32LE(128, 60);
    program.write("PE\0\0", 128);
    expect(await refusalOf(stageDocument(streamOf(program, 4096), "offer.pdf"))).toEqual(["type_not_accepted", "exe"]);
    const text = await stageDocument(streamOf(Buffer.from("plain words"), 11), "notes.txt");
    expect(text).toMatchObject({ mimeType: "text/plain", extension: "txt" });
    await discardStagedDocument(text);
    expect(readdirSync(dir.path).filter((name) => name.startsWith(".upload-"))).toEqual([]);
  });
});
