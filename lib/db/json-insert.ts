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
    if (rows.length === 0) return;
    const json = JSON.stringify(
      rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))),
    );
    const stamps = Prisma.join(timestampColumns.map(() => now));
    if (databaseProvider(env.DATABASE_URL) === "postgresql") {
      await tx.$executeRaw`${into} SELECT ${fromRecords}, ${stamps} FROM json_populate_recordset(${recordType}, ${json}::json) AS r`;
    } else {
      await tx.$executeRaw`${into} SELECT ${fromJsonEach}, ${stamps} FROM json_each(${json})`;
    }
  };
}
