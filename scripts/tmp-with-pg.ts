// Temporary helper (not committed): runs a command with a throwaway PostgreSQL server.
import { spawnSync } from "node:child_process";
import { startPostgresServer } from "./lib/postgres-server";
import { postgresDatabaseUrl } from "./lib/postgres-databases";
const server = await startPostgresServer();
const [cmd, ...args] = process.argv.slice(2);
const result = spawnSync(cmd!, args, { stdio: "inherit", env: { ...process.env, HANDOFF_TEST_DATABASE_URL: server.url, E2E_DATABASE_URL: postgresDatabaseUrl(server.url, "handoff_e2e_i15") } });
await server.stop();
process.exit(result.status ?? 1);
