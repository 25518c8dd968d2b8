import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Shared by the app's Prisma client (create-prisma-client.ts) and by Prisma's CLI
// (prisma.config.ts, for `migrate deploy`), so no import here goes through the "@/" alias.

type Connection = { prepare(sql: string): { reader: boolean; run(): unknown; get(): unknown } };

/**
 * Prisma's better-sqlite3 adapter opens every transaction with a deferred BEGIN. A transaction
 * that reads and then writes while another connection (a second app process, a script, a test,
 * the CLI's migrations beside a running app) commits in between fails at once with SQLITE_BUSY:
 * SQLite cannot upgrade a read snapshot that another commit made stale, and does not wait (its
 * busy timeout) for that. In WAL mode any commit in between does it. BEGIN IMMEDIATE takes the
 * write lock first, waiting up to the busy timeout, so that cannot happen. Within one process the
 * adapter already runs one transaction at a time. `pragmas` run once on each new connection.
 */
export class ImmediateTransactionsSQLite3 extends PrismaBetterSQLite3 {
  readonly #pragmas: string[];

  constructor(config: ConstructorParameters<typeof PrismaBetterSQLite3>[0], options: { pragmas?: string[] } = {}) {
    super(config);
    this.#pragmas = options.pragmas ?? [];
  }

  override async connect() {
    const adapter = await super.connect();
    const connection = (adapter as unknown as { client?: Partial<Connection> }).client;
    if (typeof connection?.prepare !== "function")
      throw new Error(
        "The SQLite adapter changed: its connection is no longer reachable to open transactions IMMEDIATE",
      );
    const prepare = connection.prepare.bind(connection);
    connection.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    for (const pragma of this.#pragmas) {
      // Some PRAGMAs that set a value answer with a row (journal_mode does); better-sqlite3 wants get() for those.
      const statement = prepare(`PRAGMA ${pragma}`);
      if (statement.reader) statement.get();
      else statement.run();
    }
    return adapter;
  }
}
