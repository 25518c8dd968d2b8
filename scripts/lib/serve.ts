// What npm start and the container image (scripts/image.ts) do on start: apply pending
// migrations, fill search columns left empty, then run the server in the foreground, passing
// SIGTERM/SIGINT on (the app drains its work, lib/shutdown.ts) and exiting with its status.
import { spawn } from "node:child_process";

import { DEFAULT_DATABASE_URL } from "../../lib/db/provider";
import { fillCandidateSearch } from "./candidate-search-backfill";
import { migrateDatabase } from "./database";
import { serverProcessEnv } from "./server-heap";

export async function migrateThenServe(command: string, args: string[], env: Record<string, string> = {}) {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  migrateDatabase(databaseUrl);
  await fillCandidateSearch(databaseUrl);
  const app = spawn(command, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...serverProcessEnv(),
      ...env,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
  app.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + signalNumber(signal) : 0)));
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === "SIGTERM" ? 15 : signal === "SIGINT" ? 2 : signal === "SIGKILL" ? 9 : 0;
}
