import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { databaseProvider } from "@/lib/db/provider";
import { env } from "@/lib/env";

// Many rows in one INSERT that reads them from a single JSON parameter (SQLite's json_each,
// PostgreSQL's json_populate_recordset), for the import's batches. Prisma's createMany, or an
// INSERT … VALUES with a placeholder per value, has Prisma build, serialise and plan a parameter
// per value: kilobytes of garbage per row, much of it promoted to the old generation. One string
// parameter costs one string. Timestamps are bound as parameters, so the driver adapter writes
// them in the same format as every other query.

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

export type JsonInsert<Column extends string> = (
  tx: Tx,
  rows: ReadonlyArray<Partial<Record<Column, string | null>>>,
  now: Date,
) => Promise<void>;

/** An INSERT of `columns` (text or null) from JSON, plus `timestampColumns` set to `now`. */
export function jsonInsert<Column extends string>(
  table: string,
  columns: readonly Column[],
  timestampColumns: readonly string[],
): JsonInsert<Column> {
  const into = Prisma.raw(
    `INSERT INTO "${table}" (${[...columns, ...timestampColumns].map((c) => `"${c}"`).join(", ")})`,
  );
  const fromRecords = Prisma.raw(columns.map((column) => `r."${column}"`).join(", "));
  const fromJsonEach = Prisma.raw(columns.map((column) => `value ->> '$.${column}'`).join(", "));
  const recordType = Prisma.raw(`NULL::"${table}"`);
  return async (tx, rows, now) => {
    const stamps = Prisma.join(timestampColumns.map(() => now));
    for (const json of jsonChunks(rows, columns)) {
      if (databaseProvider(env.DATABASE_URL) === "postgresql") {
        await tx.$executeRaw`${into} SELECT ${fromRecords}, ${stamps} FROM json_populate_recordset(${recordType}, ${json}::json) AS r`;
      } else {
        await tx.$executeRaw`${into} SELECT ${fromJsonEach}, ${stamps} FROM json_each(${json})`;
      }
    }
  };
}

// Prisma copies a statement's parameters more than once (its request, the query plan's
// arguments, the driver's), escaping the JSON again on the way. A string of 128 kB or more is a
// large object in V8, freed only by a full collection, so a statement's JSON is kept well under
// that, a name with a character outside Latin-1 (two bytes per character) included.
const JSON_CHUNK_CHARS = 24 * 1024;

/** The rows as JSON arrays of about JSON_CHUNK_CHARS each (a longer row makes one of its own). */
export function* jsonChunks<Column extends string>(
  rows: ReadonlyArray<Partial<Record<Column, string | null>>>,
  columns: readonly Column[],
): Generator<string> {
  let chunk: string[] = [];
  let length = 0;
  for (const row of rows) {
    const json = JSON.stringify(Object.fromEntries(columns.map((column) => [column, row[column] ?? null])));
    if (chunk.length > 0 && length + json.length > JSON_CHUNK_CHARS) {
      yield `[${chunk.join(",")}]`;
      chunk = [];
      length = 0;
    }
    chunk.push(json);
    length += json.length + 1;
  }
  if (chunk.length > 0) yield `[${chunk.join(",")}]`;
}
