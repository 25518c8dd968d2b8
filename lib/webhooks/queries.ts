import "server-only";

import { db } from "@/lib/db";

import { INTAKE_PAGE_SIZE, type TIntakeListParams } from "./intake-params";
import type { MappedHire } from "./interpretation";
import { isSourceKind, SOURCE_KINDS, type SourceKind } from "./kinds";

// What the admin pages show. The secret columns are never selected here.

const lastDeliverySelect = {
  orderBy: { receivedAt: "desc" as const },
  take: 1,
  select: { receivedAt: true, outcome: true, reason: true, eventType: true },
};

export async function listSources() {
  const sources = await db.webhookSource.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, name: true, enabled: true, createdAt: true, deliveries: lastDeliverySelect },
  });
  return sources
    .filter((source): source is typeof source & { kind: SourceKind } => isSourceKind(source.kind))
    .map(({ deliveries, ...source }) => ({ ...source, lastDelivery: deliveries[0] ?? null }));
}
export type SourceSummary = Awaited<ReturnType<typeof listSources>>[number];

export async function getSource(sourceId: string) {
  const source = await db.webhookSource.findUnique({
    where: { id: sourceId },
    select: {
      id: true,
      kind: true,
      name: true,
      enabled: true,
      pathToken: true,
      externalSource: true,
      createdAt: true,
      updatedAt: true,
      previousSecretExpiresAt: true,
      deliveries: lastDeliverySelect,
    },
  });
  if (!source || !isSourceKind(source.kind)) return null;
  const { deliveries, previousSecretExpiresAt, ...rest } = source;
  return {
    ...rest,
    kind: source.kind as SourceKind,
    lastDelivery: deliveries[0] ?? null,
    previousSecretValidUntil:
      previousSecretExpiresAt && previousSecretExpiresAt > new Date() ? previousSecretExpiresAt : null,
  };
}
export type SourceDetails = NonNullable<Awaited<ReturnType<typeof getSource>>>;

/** Per kind: connected (an enabled source), disabled (only disabled ones) or not connected. */
export async function getSourceStates(): Promise<Record<SourceKind, "connected" | "disabled" | "not_connected">> {
  const rows = await db.webhookSource.groupBy({ by: ["kind", "enabled"], _count: { _all: true } });
  return Object.fromEntries(
    SOURCE_KINDS.map((kind) => {
      const ofKind = rows.filter((row) => row.kind === kind);
      return [kind, ofKind.some((row) => row.enabled) ? "connected" : ofKind.length > 0 ? "disabled" : "not_connected"];
    }),
  ) as Record<SourceKind, "connected" | "disabled" | "not_connected">;
}

function parseMapped(raw: string | null): Partial<MappedHire> | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" ? (value as Partial<MappedHire>) : null;
  } catch {
    return null;
  }
}

export async function listDeliveries(params: TIntakeListParams) {
  const where = {
    ...(params.source ? { sourceId: params.source } : {}),
    ...(params.outcome ? { outcome: params.outcome } : {}),
    ...(params.attention ? { attention: { not: null } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (params.page - 1) * INTAKE_PAGE_SIZE,
      take: INTAKE_PAGE_SIZE,
      select: {
        id: true,
        receivedAt: true,
        eventType: true,
        outcome: true,
        reason: true,
        externalId: true,
        candidateId: true,
        mappedFields: true,
        attention: true,
        durationMs: true,
        source: { select: { id: true, name: true, kind: true } },
      },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / INTAKE_PAGE_SIZE));
  return {
    total,
    pages,
    page: Math.min(params.page, pages),
    deliveries: rows.map(({ mappedFields, ...row }) => ({ ...row, mapped: parseMapped(mappedFields) })),
  };
}
export type IntakeDelivery = Awaited<ReturnType<typeof listDeliveries>>["deliveries"][number];

export function countAttention() {
  return db.webhookDelivery.count({ where: { attention: { not: null } } });
}
