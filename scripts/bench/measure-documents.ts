// A send with two 5 MB documents against a send without: the time from Send until both files are
// in the employee's file in Personio (the sandbox), and the server's peak memory while it works.
// The documents are uploaded to the profile first (not timed), as a recruiter would before the
// send. Memory: the resident set of the `next start` process and its children, sampled every
// 20 ms during each kind of send.
import fs from "node:fs";

import Database from "better-sqlite3";

import type { RunningApp } from "./app-server";
import { callAction, type Session } from "./http-session";
import { replaceSection } from "./report";
import { percentile } from "./stats";

export const DOCUMENT_BYTES = 5 * 1024 * 1024;
// "Other documents" in the sandbox (and in Personio's own example).
const CATEGORY_ID = 2;

export type DocumentsResult = {
  sends: number;
  withoutDocuments: { p50: number; p95: number };
  withDocuments: { p50: number; p95: number };
  /** Peak resident set (MiB) of the server while sends without and with documents ran. */
  peakRssMiB: { withoutDocuments: number; withDocuments: number; idle: number };
};

function descendants(pid: number): number[] {
  const all = [pid];
  for (let index = 0; index < all.length; index += 1) {
    const tasks = fs.readdirSync(`/proc/${all[index]}/task`, { withFileTypes: true });
    for (const task of tasks) {
      const children = fs.readFileSync(`/proc/${all[index]}/task/${task.name}/children`, "utf8").trim();
      if (children) all.push(...children.split(/\s+/).map(Number));
    }
  }
  return all;
}

function residentMiB(pid: number): number {
  let kib = 0;
  for (const id of descendants(pid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return kib / 1024;
}

async function withPeakRss<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peakMiB: number }> {
  let peak = residentMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentMiB(pid))), 20);
  try {
    const value = await work();
    return { value, peakMiB: Math.max(peak, residentMiB(pid)) };
  } finally {
    clearInterval(timer);
  }
}

function fakePdf(label: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${label}\n`);
  const body = Buffer.alloc(DOCUMENT_BYTES - head.length, 0x20);
  return Buffer.concat([head, body]);
}

async function uploadDocument(app: RunningApp, session: Session, candidateId: string, name: string) {
  const response = await fetch(`${app.url}/api/candidates/${candidateId}/documents`, {
    method: "POST",
    headers: { cookie: session.cookie, "x-file-name": name, "content-type": "application/octet-stream" },
    body: new Uint8Array(fakePdf(name)),
  });
  const body = (await response.json()) as { documentId?: string };
  if (response.status !== 201 || !body.documentId) throw new Error(`upload answered ${response.status}`);
  return body.documentId;
}

function transferred(file: string, ids: string[]): { done: boolean; failed: boolean } {
  const sqlite = new Database(file, { readonly: true });
  try {
    const rows = sqlite
      .prepare(`SELECT "transferStatus" FROM "CandidateDocument" WHERE "id" IN (${ids.map(() => "?").join(", ")})`)
      .all(...ids) as Array<{ transferStatus: string }>;
    return {
      done: rows.length === ids.length && rows.every((row) => row.transferStatus === "SENT"),
      failed: rows.some((row) => row.transferStatus === "FAILED"),
    };
  } finally {
    sqlite.close();
  }
}

let counter = 0;

async function send(
  app: RunningApp,
  session: Session,
  actionId: string,
  candidateId: string,
  documents: Array<{ documentId: string; categoryId: number }>,
) {
  counter += 1;
  const fields = {
    firstName: "Bench",
    lastName: `Documents ${candidateId.slice(-6)}`,
    email: `documents.${Date.now().toString(36)}${counter}@bench.example`,
  };
  const timing = await callAction(app.url, session, {
    actionId,
    path: `/candidates/${candidateId}`,
    input: { candidateId, fields, documents },
  });
  const outcome = (timing.result as { data?: { outcome?: string } } | undefined)?.data?.outcome;
  if (outcome !== "sent") throw new Error(`a bench send ended ${outcome ?? `with HTTP ${timing.status}`}`);
  return timing.resultMs;
}

export async function measureDocuments(options: {
  app: RunningApp;
  session: Session;
  databaseFile: string;
  actionId: string;
  nextCandidate: () => string;
  sends: number;
  log: (message: string) => void;
}): Promise<DocumentsResult> {
  const { app, session, actionId } = options;
  // One send of each kind first: compiled code paths and the category list, not measured.
  await send(app, session, actionId, options.nextCandidate(), []);
  const idle = residentMiB(app.pid);

  const without = await withPeakRss(app.pid, async () => {
    const times: number[] = [];
    for (let index = 0; index < options.sends; index += 1)
      times.push(await send(app, session, actionId, options.nextCandidate(), []));
    return times;
  });
  options.log(`documents: ${options.sends} sends without documents, peak RSS ${without.peakMiB.toFixed(0)} MiB`);

  const prepared: Array<{ candidateId: string; documentIds: string[] }> = [];
  for (let index = 0; index < options.sends; index += 1) {
    const candidateId = options.nextCandidate();
    prepared.push({
      candidateId,
      documentIds: [
        await uploadDocument(app, session, candidateId, `cv-${index}.pdf`),
        await uploadDocument(app, session, candidateId, `contract-${index}.pdf`),
      ],
    });
  }
  const withDocuments = await withPeakRss(app.pid, async () => {
    const times: number[] = [];
    for (const { candidateId, documentIds } of prepared) {
      const start = performance.now();
      await send(
        app,
        session,
        actionId,
        candidateId,
        documentIds.map((documentId) => ({ documentId, categoryId: CATEGORY_ID })),
      );
      for (;;) {
        const state = transferred(options.databaseFile, documentIds);
        if (state.failed) throw new Error("a bench document transfer failed");
        if (state.done) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      times.push(performance.now() - start);
    }
    return times;
  });
  options.log(
    `documents: ${options.sends} sends with two 5 MB documents, peak RSS ${withDocuments.peakMiB.toFixed(0)} MiB`,
  );
  const summary = (times: number[]) => ({ p50: percentile(times, 50), p95: percentile(times, 95) });
  return {
    sends: options.sends,
    withoutDocuments: summary(without.value),
    withDocuments: summary(withDocuments.value),
    peakRssMiB: { idle, withoutDocuments: without.peakMiB, withDocuments: withDocuments.peakMiB },
  };
}

export function writeDocumentsSection(result: DocumentsResult, load: [number[], number[]]) {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  replaceSection("## A send with documents", [
    "## A send with documents",
    "",
    `${result.sends} sends of each kind on one \`next start\` process (SQLite, 1k candidates), one after another. ` +
      "With documents: Send until both 5 MB files are in the employee's file in the sandbox " +
      "(each uploaded by its own background job, `POST /company/documents`, streamed from disk). " +
      `Load before/after: ${load[0].map((x) => x.toFixed(2)).join(", ")} / ${load[1].map((x) => x.toFixed(2)).join(", ")}.`,
    "",
    "| | p50 | p95 | peak RSS of the server |",
    "|---|---:|---:|---:|",
    `| Send without documents | ${ms(result.withoutDocuments.p50)} | ${ms(result.withoutDocuments.p95)} | ${result.peakRssMiB.withoutDocuments.toFixed(0)} MiB |`,
    `| Send with two 5 MB documents (until both are in Personio) | ${ms(result.withDocuments.p50)} | ${ms(result.withDocuments.p95)} | ${result.peakRssMiB.withDocuments.toFixed(0)} MiB |`,
    "",
    `Idle after warm-up: ${result.peakRssMiB.idle.toFixed(0)} MiB. The difference in peak memory, ` +
      `${(result.peakRssMiB.withDocuments - result.peakRssMiB.withoutDocuments).toFixed(0)} MiB, is what ` +
      "sends with documents cost the server's memory at their peak, two 5 MB uploads to Personio in flight at once " +
      "(each file is read from disk as it is sent, fs.openAsBlob into the multipart body; the upload to the profile is streamed to disk too).",
  ]);
}
