import "server-only";

// Value mappings in the database: read for a prefill, listed for the mappings page (each checked
// against Personio's current lists), saved (only to a value Personio has) and deleted, each change
// audited with its row.

import { writeAuditLog } from "@/lib/audit";
import { kickBackgroundRunner } from "@/lib/background/process-runner";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { requeueWaitingAutomaticSendsIn } from "@/lib/handoff/automatic/queue-in";
import {
  getPersonioOptions,
  refreshPersonioOptions,
  type PersonioOptionLists,
} from "@/lib/personio/integration/options";

import { ALL_SOURCES, foldAtsValue, isMappableField, personioValuesFor, type MappingLookup } from "./values";

/** The mappings that can apply to a candidate from `source` (its own and those for every source). */
export function getMappingsForSource(source: string | null): Promise<MappingLookup[]> {
  return db.valueMapping.findMany({
    where: { source: { in: source ? [source, ALL_SOURCES] : [ALL_SOURCES] } },
    select: { source: true, fieldKey: true, atsValueKey: true, personioValue: true },
  });
}

/** Every mapping, for a page of many candidates from many sources (the To send queue). */
export function getAllMappings(): Promise<MappingLookup[]> {
  return db.valueMapping.findMany({
    select: { source: true, fieldKey: true, atsValueKey: true, personioValue: true },
  });
}

/** The name people know a source by: the webhook source's, else the namespace itself (an import's). */
export async function getSourceNames(): Promise<Record<string, string>> {
  const sources = await db.webhookSource.findMany({ select: { externalSource: true, name: true } });
  return Object.fromEntries(sources.map((source) => [source.externalSource, source.name]));
}

// A page lists at most this many; the search narrows it.
const LISTED_MAX = 500;

export type ListedMapping = {
  id: string;
  source: string;
  fieldKey: string;
  atsValue: string;
  personioValue: string;
  updatedAt: Date;
  /** Personio no longer has the value; null when its lists cannot be read now. */
  isStale: boolean | null;
};

export async function listValueMappings({ search }: { search: string }) {
  const [rows, load] = await Promise.all([
    db.valueMapping.findMany({
      orderBy: [{ fieldKey: "asc" }, { atsValueKey: "asc" }, { source: "asc" }],
      select: { id: true, source: true, fieldKey: true, atsValue: true, personioValue: true, updatedAt: true },
    }),
    getPersonioOptions(),
  ]);
  const lists = load.ok ? load.lists : null;
  const words = foldAtsValue(search);
  const found = words
    ? rows.filter((row) =>
        [row.atsValue, row.personioValue, row.fieldKey, row.source].some((value) =>
          foldAtsValue(value).includes(words),
        ),
      )
    : rows;
  const mappings: ListedMapping[] = found.slice(0, LISTED_MAX).map((row) => ({
    ...row,
    isStale: lists ? !isKnownPersonioValue(lists, row.fieldKey, row.personioValue) : null,
  }));
  return { mappings, total: found.length, listsUnavailable: lists === null, lists };
}

function isKnownPersonioValue(lists: PersonioOptionLists, fieldKey: string, value: string) {
  const values = personioValuesFor(fieldKey, lists);
  return values === null || values.includes(value);
}

// A value missing from the cached lists may be new in Personio: read them again once before refusing.
async function assertPersonioHasValue(fieldKey: string, value: string) {
  const cached = await getPersonioOptions();
  if (cached.ok && isKnownPersonioValue(cached.lists, fieldKey, value)) return;
  const fresh = await refreshPersonioOptions();
  if (!fresh.ok) throw new AppError("conflict", "Personio's lists cannot be read", "personio_lists_unavailable");
  if (!isKnownPersonioValue(fresh.lists, fieldKey, value))
    throw new AppError("invalid_input", "Not one of Personio's values", "unknown_personio_value");
}

export type MappingInput = { source: string; fieldKey: string; atsValue: string; personioValue: string };

/**
 * Adds a mapping, or changes the one with `id` (or the one for the same source, field and ATS
 * value: remembering a correction twice changes the first). Only to a value Personio has.
 */
export async function saveValueMapping({ actorId, id, input }: { actorId: string; id?: string; input: MappingInput }) {
  if (!isMappableField(input.fieldKey))
    throw new AppError("invalid_input", "Field takes no mapping", "unmappable_field");
  const atsValue = input.atsValue.normalize("NFC").trim();
  const personioValue = input.personioValue.trim();
  await assertPersonioHasValue(input.fieldKey, personioValue);
  const data = {
    source: input.source,
    fieldKey: input.fieldKey,
    atsValue,
    atsValueKey: foldAtsValue(atsValue),
    personioValue,
  };
  const outcome = await db.$transaction(async (tx) => {
    const same = await tx.valueMapping.findUnique({
      where: {
        source_fieldKey_atsValueKey: { source: data.source, fieldKey: data.fieldKey, atsValueKey: data.atsValueKey },
      },
      select: { id: true },
    });
    if (same && id && same.id !== id) throw new AppError("conflict", "Mapping exists", "mapping_exists");
    const targetId = id ?? same?.id;
    if (id && !(await tx.valueMapping.findUnique({ where: { id }, select: { id: true } })))
      throw new NotFoundError("Mapping");
    const saved = targetId
      ? await tx.valueMapping.update({ where: { id: targetId }, data, select: { id: true } })
      : await tx.valueMapping.create({ data: { ...data, createdById: actorId }, select: { id: true } });
    await writeAuditLog(tx, {
      actorId,
      action: "mapping.save",
      targetType: "mapping",
      targetId: saved.id,
      outcome: "success",
      details: { source: data.source, field: data.fieldKey, atsValue, personioValue },
    });
    // Hires an automatic-send rule left waiting may be clear now.
    const requeued = await requeueWaitingAutomaticSendsIn(tx, data.source);
    return { mappingId: saved.id, created: !targetId, requeued };
  });
  if (outcome.requeued > 0) kickBackgroundRunner();
  return { mappingId: outcome.mappingId, created: outcome.created };
}

export async function deleteValueMapping({ actorId, id }: { actorId: string; id: string }) {
  return db.$transaction(async (tx) => {
    const row = await tx.valueMapping.findUnique({
      where: { id },
      select: { source: true, fieldKey: true, atsValue: true, personioValue: true },
    });
    if (!row) throw new NotFoundError("Mapping");
    await tx.valueMapping.delete({ where: { id } });
    await writeAuditLog(tx, {
      actorId,
      action: "mapping.delete",
      targetType: "mapping",
      targetId: id,
      outcome: "success",
      details: { source: row.source, field: row.fieldKey, atsValue: row.atsValue, personioValue: row.personioValue },
    });
    return { deleted: true };
  });
}
