import "server-only";

import { randomBytes } from "node:crypto";

import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { newRowId } from "@/lib/db/row-id";
import { AppError, NotFoundError } from "@/lib/errors";
import { encryptAtRest } from "@/lib/secrets/at-rest";

import { isSecretGenerated, ROTATION_GRACE_HOURS, type SourceKind } from "./kinds";

// Managing webhook sources: every change audited in one transaction with its audit row. A
// generated secret is returned once, to be shown once; only its ciphertext is stored, and the
// audit log records that a secret changed, never the secret.

// 32 random bytes: unguessable, and longer than Greenhouse's 32-character minimum for a key.
function newSecret() {
  return randomBytes(32).toString("base64url");
}

// The endpoint's path: 24 random bytes, so knowing one source's URL says nothing about another's.
function newPathToken() {
  return randomBytes(24).toString("base64url");
}

/**
 * The namespace of the source's external ids (schema.prisma, WebhookSource.externalSource): the
 * vendor's name for its first source, so a spreadsheet import naming the vendor meets its
 * candidates, then "<vendor>-2", "<vendor>-3", …; the Handoff webhook's ids are the sender's own.
 * Two sources created at the same moment meet at the unique index; the admin tries again.
 */
export function newExternalSource(kind: SourceKind, sourceId: string, taken: ReadonlySet<string>) {
  if (kind === "handoff") return `handoff.${sourceId}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? kind : `${kind}-${n}`;
    if (!taken.has(name)) return name;
  }
}

export async function createSource({
  actorId,
  input,
}: {
  actorId: string;
  input: { kind: SourceKind; name: string; token?: string };
}) {
  const secret = isSecretGenerated(input.kind) ? newSecret() : (input.token ?? "");
  if (!secret) throw new AppError("invalid_input", "A Workable source needs the account's token", "token_required");
  return db.$transaction(async (tx) => {
    const taken = await tx.webhookSource.findMany({
      where: { externalSource: { startsWith: input.kind } },
      select: { externalSource: true },
    });
    const id = newRowId();
    const source = await tx.webhookSource.create({
      data: {
        id,
        kind: input.kind,
        name: input.name,
        externalSource: newExternalSource(input.kind, id, new Set(taken.map((row) => row.externalSource))),
        pathToken: newPathToken(),
        secretEncrypted: encryptAtRest(secret),
        createdById: actorId,
      },
      select: { id: true, pathToken: true },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "webhook-source.create",
      targetType: "webhook-source",
      targetId: source.id,
      outcome: "success",
      details: { kind: input.kind, name: input.name },
    });
    return { sourceId: source.id, pathToken: source.pathToken, secret: isSecretGenerated(input.kind) ? secret : null };
  });
}

export async function rotateSourceSecret({
  actorId,
  sourceId,
  token,
}: {
  actorId: string;
  sourceId: string;
  token?: string;
}) {
  const source = await db.webhookSource.findUnique({
    where: { id: sourceId },
    select: { id: true, kind: true, secretEncrypted: true },
  });
  if (!source) throw new NotFoundError("Webhook source");
  const generated = source.kind !== "workable";
  const secret = generated ? newSecret() : (token ?? "").trim();
  if (secret.length < 8) throw new AppError("invalid_input", "A Workable source needs the new token", "token_required");
  const graceUntil = new Date(Date.now() + ROTATION_GRACE_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    await tx.webhookSource.update({
      where: { id: sourceId },
      data: {
        secretEncrypted: encryptAtRest(secret),
        previousSecretEncrypted: source.secretEncrypted,
        previousSecretExpiresAt: graceUntil,
      },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "webhook-source.rotate-secret",
      targetType: "webhook-source",
      targetId: sourceId,
      outcome: "success",
      details: { previousValidUntil: graceUntil.toISOString() },
    });
  });
  return { secret: generated ? secret : null, previousValidUntil: graceUntil.toISOString() };
}

export async function setSourceEnabled({
  actorId,
  sourceId,
  enabled,
}: {
  actorId: string;
  sourceId: string;
  enabled: boolean;
}) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookSource.updateMany({ where: { id: sourceId }, data: { enabled } });
    if (count === 0) throw new NotFoundError("Webhook source");
    await writeAuditLog(tx, {
      actorId,
      action: enabled ? "webhook-source.enable" : "webhook-source.disable",
      targetType: "webhook-source",
      targetId: sourceId,
      outcome: "success",
    });
  });
  return { enabled };
}

// Candidates that came through the source stay; its intake log and replay keys go with it.
export async function deleteSource({ actorId, sourceId }: { actorId: string; sourceId: string }) {
  await db.$transaction(async (tx) => {
    const source = await tx.webhookSource.findUnique({ where: { id: sourceId }, select: { kind: true, name: true } });
    if (!source) throw new NotFoundError("Webhook source");
    await tx.webhookReplayKey.deleteMany({ where: { sourceId } });
    await tx.webhookSource.delete({ where: { id: sourceId } });
    await writeAuditLog(tx, {
      actorId,
      action: "webhook-source.delete",
      targetType: "webhook-source",
      targetId: sourceId,
      outcome: "success",
      details: { kind: source.kind, name: source.name },
    });
  });
  return { deleted: true };
}
