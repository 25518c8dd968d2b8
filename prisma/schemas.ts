// One schema source, two providers. prisma/schema.prisma (SQLite, the default) is the one to
// edit; prisma/postgresql/schema.prisma is rendered from it by `npm run db:new-migration` and
// committed, so Prisma's own commands can use it with --schema. Each provider has its own
// generated client and its own migrations folder (a migration_lock.toml names the provider),
// as Prisma requires; the app picks the client from DATABASE_URL at run time (lib/db).
export const SCHEMAS = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
} as const;

export type DatabaseProvider = keyof typeof SCHEMAS;

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:new-migration`: do not edit by hand.\n" +
  "// The same models for PostgreSQL, generating the client the app uses when DATABASE_URL is postgresql://.\n\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) {
    throw new Error(`prisma/schema.prisma: expected exactly one match of ${pattern}, found ${matches.length}`);
  }
  return text.replace(pattern, replacement);
}

export function renderPostgresSchema(sqliteSchema: string): string {
  let schema = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  // The copy lives one folder deeper; its client goes beside the SQLite one.
  schema = replaceOnce(
    schema,
    /output\s*=\s*"\.\.\/generated\/prisma"/,
    'output     = "../../generated/prisma-postgresql"',
  );
  return HEADER + schema;
}
