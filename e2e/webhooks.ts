import fs from "node:fs";
import path from "node:path";

import { expect, request, type APIRequestContext } from "@playwright/test";

import type { SourceKind } from "@/lib/webhooks/kinds";
import { signatureHeader } from "@/lib/webhooks/signatures";

import { createTestUser, db, signInRequest } from "./fixtures";
import { callServerAction } from "./server-actions";

// The vendors' example payloads (see e2e/fixtures/webhooks/README.md), as stored: byte for byte.
export function fixtureBody(name: string): Buffer {
  return fs.readFileSync(path.join("e2e", "fixtures", "webhooks", name));
}

export type TestSource = { sourceId: string; path: string; secret: string; kind: SourceKind; externalSource: string };

/** Adds a source the way the admin page does (the create action, as an admin), so the secret is
 * generated and encrypted by the app itself. Workable needs the account token from us. */
export async function addSource(
  request: APIRequestContext,
  kind: SourceKind,
  name = `${kind} e2e`,
): Promise<TestSource> {
  const admin = await createTestUser("admin");
  await signInRequest(request, admin);
  const token = kind === "workable" ? `wk-token-${Math.random().toString(36).slice(2)}-${Date.now()}` : undefined;
  const { result } = await callServerAction(request, {
    exportedName: "createSourceAction",
    path: "/admin/integrations/ats/new",
    input: { kind, name, ...(token ? { token } : {}) },
  });
  const data = (result as { data?: { sourceId: string; pathToken: string; secret: string | null } }).data;
  expect(data?.sourceId).toBeTruthy();
  // The namespace of the source's candidate ids: its own, whatever other sources of the vendor exist.
  const { externalSource } = await db.webhookSource.findUniqueOrThrow({
    where: { id: data!.sourceId },
    select: { externalSource: true },
  });
  return {
    sourceId: data!.sourceId,
    path: `/api/webhooks/${data!.pathToken}`,
    secret: data!.secret ?? token!,
    kind,
    externalSource,
  };
}

export async function post(
  request: APIRequestContext,
  source: Pick<TestSource, "path">,
  body: Buffer | string,
  headers: Record<string, string> = {},
) {
  const response = await request.post(source.path, {
    data: typeof body === "string" ? Buffer.from(body) : body,
    headers: { "content-type": "application/json", ...headers },
  });
  return {
    status: response.status(),
    json: (await response.json().catch(() => null)) as { status: string; reason?: string; deliveryId?: string } | null,
    headers: response.headers(),
  };
}

/** Signed the way the source's ATS signs (and, for Handoff, the way our docs say to). */
export async function postSigned(
  request: APIRequestContext,
  source: Pick<TestSource, "path" | "secret" | "kind">,
  body: Buffer | string,
  options: { secret?: string; nowMs?: number; headers?: Record<string, string> } = {},
) {
  const [name, value] = signatureHeader(source.kind, options.secret ?? source.secret, body, options.nowMs);
  return post(request, source, body, { [name]: value, ...options.headers });
}

export function deliveriesOf(sourceId: string) {
  return db.webhookDelivery.findMany({ where: { sourceId }, orderBy: { receivedAt: "asc" } });
}

/** A hire in the "To send" queue: hired, no send started, and listed on the queue's page as a
 * recruiter sees it (newest first, so a hire that just arrived is on the first page). */
export async function expectInToSendQueue(candidateId: string, shown: { name: string; email: string; job: string }) {
  const candidate = await db.candidate.findUniqueOrThrow({
    where: { id: candidateId },
    select: { stage: true, handoff: { select: { status: true } } },
  });
  expect(candidate.stage).toBe("HIRED");
  expect(candidate.handoff).toBeNull();
  const context = await request.newContext({
    baseURL: process.env.E2E_BASE_URL ?? `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`,
  });
  try {
    await signInRequest(context, await createTestUser("recruiter"));
    const response = await context.get("/to-send");
    expect(response.status()).toBe(200);
    const html = await response.text();
    // The queue's row, as rendered: a link to the profile, then the name, the email and the job.
    const at = html.indexOf(`href="/candidates/${candidateId}"`);
    expect(at, "the hire is on the To send page").toBeGreaterThan(-1);
    const row = html.slice(at, at + 2000);
    for (const value of [shown.name, shown.email, shown.job]) expect(row).toContain(escapeHtml(value));
  } finally {
    await context.dispose();
  }
}

function escapeHtml(text: string) {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;");
}
