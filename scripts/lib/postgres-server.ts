// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary directory,
// pg_ctl start on a free port, and stop + delete it afterwards (also when the process exits
// early). Needs PostgreSQL's server binaries (initdb, pg_ctl) on PATH or under
// /usr/lib/postgresql/<version>/bin; `findPostgresBinaries()` returns null where there are none.
import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "./free-port";

export type PostgresServer = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres — a superuser, no password (trust auth, loopback only). */
  url: string;
  port: number;
  stop: () => Promise<void>;
};

type Binaries = { initdb: string; pgCtl: string; version: string };

export function findPostgresBinaries(): Binaries | null {
  const candidates: string[] = [];
  const debianRoot = "/usr/lib/postgresql";
  if (fs.existsSync(debianRoot)) {
    const versions = fs.readdirSync(debianRoot).filter((name) => /^\d+$/.test(name));
    versions.sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, "bin")));
  }
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  for (const dir of candidates) {
    const initdb = path.join(dir, "initdb");
    const pgCtl = path.join(dir, "pg_ctl");
    if (fs.existsSync(initdb) && fs.existsSync(pgCtl)) {
      const version = spawnSync(initdb, ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "";
      return { initdb, pgCtl, version };
    }
  }
  return null;
}

// PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("Running as root, but there is no `postgres` user to run PostgreSQL as.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPostgresServer({ quiet = true } = {}): Promise<PostgresServer> {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error("No PostgreSQL server binaries (initdb, pg_ctl) found.");
  const user = serverUser();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-pg-"));
  const dataDir = path.join(root, "data");
  if (user) fs.chownSync(root, user.uid, user.gid);

  const run = (file: string, args: string[]) => {
    const options: SpawnSyncOptions = { encoding: "utf8", cwd: root, ...(user ?? {}) };
    const result = spawnSync(file, args, options);
    if (result.status !== 0) {
      throw new Error(
        `${path.basename(file)} ${args.join(" ")} failed:\n${String(result.stderr ?? "")}${String(result.stdout ?? "")}`,
      );
    }
    if (!quiet) process.stdout.write(String(result.stdout ?? ""));
  };

  let isStopped = false;
  const stopNow = () => {
    if (isStopped) return;
    isStopped = true;
    process.removeListener("exit", stopNow);
    try {
      if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
        execFileSync(binaries.pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"], {
          stdio: "ignore",
          ...(user ?? {}),
        });
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  // Whatever happens to the process (a failed test run, process.exit after Ctrl-C), the server
  // does not outlive it. A SIGINT handler that calls process.exit() is the caller's part.
  process.on("exit", stopNow);

  try {
    // C locale: the same byte-wise ordering SQLite uses; fsync off: a test server only.
    run(binaries.initdb, ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = await freePort();
    const serverOptions = [
      `-p ${port}`,
      `-k ${root}`,
      "-c listen_addresses=127.0.0.1",
      "-c max_connections=300",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
    ].join(" ");
    run(binaries.pgCtl, [
      "-D",
      dataDir,
      "-l",
      path.join(root, "server.log"),
      "-o",
      serverOptions,
      "-w",
      "-t",
      "60",
      "start",
    ]);
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      stop: async () => stopNow(),
    };
  } catch (error) {
    const log = path.join(root, "server.log");
    if (fs.existsSync(log)) console.error(fs.readFileSync(log, "utf8"));
    stopNow();
    throw error;
  }
}
