// npm start: apply pending migrations, then serve the production build.
import { spawn } from "node:child_process";

import { DEFAULT_DATABASE_URL } from "../lib/db/provider";
import { fillCandidateSearch } from "./lib/candidate-search-backfill";
import { migrateDatabase } from "./lib/database";
import { keepAliveArgs } from "./lib/keep-alive";
import { serverNodeOptions } from "./lib/server-heap";

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
migrateDatabase(databaseUrl);
await fillCandidateSearch(databaseUrl);
// Idle connections stay open longer than a proxy's or client's (keep-alive.ts); a
// --keepAliveTimeout given to npm start comes later and wins.
const app = spawn("node_modules/.bin/next", ["start", ...keepAliveArgs(), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: serverNodeOptions() },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));
