// Databases on a PostgreSQL server for tests: one per run or harness, created and dropped by
// name through the server's maintenance database ("postgres"). Needs a role that may create
// databases (the throwaway server's `postgres` superuser).
import pg from "pg";

export function postgresDatabaseName(name: string): string {
  const safe = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 63);
  if (!safe) throw new Error(`Not a usable database name: "${name}"`);
  return safe;
}

// The same server and credentials, another database.
export function postgresDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${postgresDatabaseName(name)}`;
  return url.toString();
}

// What npm test's PostgreSQL run gives the tests (scripts/test.ts, and the busy run's --postgres):
// the server the database tests and the E2E harnesses make their databases on, the E2E suite's
// own database, and the database-independent specs left out (e2e/fixtures.ts).
export function postgresTestEnv(serverUrl: string) {
  return {
    HANDOFF_TEST_DATABASE_URL: serverUrl,
    E2E_DATABASE_URL: postgresDatabaseUrl(serverUrl, "handoff_e2e"),
    E2E_SKIP_DATABASE_INDEPENDENT: "1",
  };
}

async function withMaintenanceConnection<T>(
  databaseUrl: string,
  work: (client: pg.Client, database: string) => Promise<T>,
) {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  if (!database || database === "postgres")
    throw new Error(`Refusing to create or drop the database of ${databaseUrl}`);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client, `"${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

// FORCE ends sessions still connected (an app server a failed run left behind).
export async function dropPostgresDatabase(databaseUrl: string) {
  await withMaintenanceConnection(databaseUrl, (client, database) =>
    client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  );
}

export async function recreatePostgresDatabase(databaseUrl: string) {
  await withMaintenanceConnection(databaseUrl, async (client, database) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  });
}

// Any constant will do: it only has to be the same for every process making test databases.
const TEMPLATE_LOCK = 727_001;

/**
 * Replaces the database at `databaseUrl` with a copy of the template database at `templateUrl`
 * (CREATE DATABASE ... TEMPLATE, a file copy inside the server). A server without the template
 * gets it first: `build` fills a database of another name, which is then renamed, all under an
 * advisory lock, so processes starting at once build it once and never copy a half-built one.
 */
export async function copyPostgresDatabase(
  templateUrl: string,
  databaseUrl: string,
  build: (buildingUrl: string) => void | Promise<void>,
) {
  const templateName = postgresDatabaseName(decodeURIComponent(new URL(templateUrl).pathname.slice(1)));
  const buildingName = postgresDatabaseName(`${templateName.slice(0, 50)}_building`);
  const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await withMaintenanceConnection(databaseUrl, async (client, database) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [templateName]);
      if (found.rowCount === 0) {
        await client.query(`DROP DATABASE IF EXISTS ${quoted(buildingName)} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${quoted(buildingName)}`);
        await build(postgresDatabaseUrl(templateUrl, buildingName));
        await client.query(`ALTER DATABASE ${quoted(buildingName)} RENAME TO ${quoted(templateName)}`);
      }
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${database} TEMPLATE ${quoted(templateName)}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}
