import "server-only";

import { generateApiKey, hashApiKey, looksLikeApiKey } from "@/lib/api-keys/key-material";
import type { TCreateApiKeyInput } from "@/lib/api-keys/schemas";
import { parseScopes, type ApiScope } from "@/lib/api-keys/scopes";
import { writeAuditLog } from "@/lib/audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

export type ApiKeyListItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  rateLimitPerMinute: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  expired: boolean;
};

export async function listApiKeys(now = new Date()): Promise<ApiKeyListItem[]> {
  const rows = await db.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      rateLimitPerMinute: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    scopes: parseScopes(row.scopes),
    expired: row.expiresAt !== null && row.expiresAt <= now,
  }));
}

/** The end of the chosen day in UTC: a key "valid until 2026-12-31" works all that day. */
export function expiryFromDay(day: string | undefined): Date | null {
  return day ? new Date(`${day}T23:59:59.999Z`) : null;
}

/** Returns the key itself once; only its hash is stored. */
export async function createApiKey({ actorId, input }: { actorId: string; input: TCreateApiKeyInput }) {
  const material = generateApiKey();
  const scopes = [...new Set(input.scopes)].sort();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix: material.prefix,
        keyHash: material.keyHash,
        scopes: scopes.join(" "),
        rateLimitPerMinute: input.rateLimitPerMinute,
        expiresAt: expiryFromDay(input.expiresOn || undefined),
        createdById: actorId,
      },
      select: { id: true, prefix: true },
    });
    await writeAuditLog(tx, {
      actorId,
      action: "api-key.create",
      targetType: "api-key",
      targetId: created.id,
      outcome: "success",
      details: { prefix: created.prefix, scopes },
    });
    return created;
  });
  return { id: row.id, key: material.key };
}

export async function revokeApiKey({ actorId, apiKeyId }: { actorId: string; apiKeyId: string }) {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: apiKeyId }, select: { revokedAt: true, prefix: true } });
    if (!key) throw new NotFoundError("API key");
    if (key.revokedAt) return { changed: false };
    await tx.apiKey.update({ where: { id: apiKeyId }, data: { revokedAt: new Date() } });
    await writeAuditLog(tx, {
      actorId,
      action: "api-key.revoke",
      targetType: "api-key",
      targetId: apiKeyId,
      outcome: "success",
      details: { prefix: key.prefix },
    });
    return { changed: true };
  });
}

export type AuthenticatedApiKey = {
  id: string;
  prefix: string;
  scopes: ReadonlySet<ApiScope>;
  rateLimitPerMinute: number;
  createdById: string | null;
};

export type ApiKeyRefusal = "missing" | "invalid" | "revoked" | "expired";

// Writing lastUsedAt on every request would add a write to every read; once a minute per key
// (per process) is as precise as the "last used" column needs to be.
const LAST_USED_PRECISION_MS = 60_000;

export async function authenticateApiKey(
  rawKey: string | null,
  now = new Date(),
): Promise<AuthenticatedApiKey | ApiKeyRefusal> {
  if (!rawKey) return "missing";
  if (!looksLikeApiKey(rawKey)) return "invalid";
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(rawKey) },
    select: {
      id: true,
      prefix: true,
      scopes: true,
      rateLimitPerMinute: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdById: true,
    },
  });
  if (!row) return "invalid";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    id: row.id,
    prefix: row.prefix,
    scopes: new Set(parseScopes(row.scopes)),
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdById: row.createdById,
  };
}
