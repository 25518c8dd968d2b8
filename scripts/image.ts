// The container image's build and start steps (Dockerfile), also run for real by npm test
// (scripts/image-check.ts), since the machines that test this cannot build images.
//
//   tsx scripts/image.ts build <dir> [--skip-next-build]
//     `next build` (standalone output, next.config.mjs), then <dir> gets everything the image
//     runs: Next's standalone server (server.js and the node_modules it traced), the static
//     files, and what the start step needs to migrate the way npm start does.
//   node --import tsx scripts/image.ts start      (in <dir>, the image's CMD)
//     Migrations and search backfill exactly as npm start runs them (scripts/lib/serve.ts, the
//     same code), then the standalone server.js.
//
// Why tsx in the image: npm start migrates with TypeScript (scripts/lib/database.ts, Prisma's CLI
// for SQLite through prisma.config.ts, scripts/lib/postgres-migrate.ts for PostgreSQL). Running
// those same files keeps one migration path; the price is tsx, esbuild and Prisma's CLI in the
// image beside the standalone server (about 150 MB of packages, copied with their dependencies).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { KEEP_ALIVE_TIMEOUT_MS } from "./lib/keep-alive";
import { migrateThenServe } from "./lib/serve";

// The packages the start step loads outside the standalone server, with their dependencies.
const START_PACKAGES = [
  "tsx",
  "prisma",
  "@prisma/client",
  "@prisma/adapter-better-sqlite3",
  "@prisma/adapter-pg",
  "better-sqlite3",
  "pg",
];
// Project files the start step reads (tests left out).
const START_FILES = [
  "package.json",
  "tsconfig.json",
  "prisma.config.ts",
  "prisma",
  "generated",
  "lib",
  "scripts/lib",
  "scripts/image.ts",
  // npm run db:backup, for an image on SQLite (README, "Backups").
  "scripts/db-backup.ts",
];

function copy(from: string, to: string) {
  fs.cpSync(from, to, {
    recursive: true,
    dereference: true,
    filter: (source) => !/\.test\.tsx?$/.test(source),
  });
}

// A package directory and, following Node's lookup, the directories of everything it depends on.
function packageClosure(roots: string[], projectDir: string): Set<string> {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    let directory: string | null = null;
    for (let base = fromDir; ; base = path.dirname(base)) {
      const candidate = path.join(base, "node_modules", name);
      if (fs.existsSync(path.join(candidate, "package.json"))) {
        directory = candidate;
        break;
      }
      if (base === projectDir || path.dirname(base) === base) break;
    }
    if (!directory || found.has(directory)) return; // optional packages of other platforms
    found.add(directory);
    const manifest = JSON.parse(fs.readFileSync(path.join(directory, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      visit(dependency, directory);
    }
  };
  for (const root of roots) visit(root, projectDir);
  return found;
}

export function assembleImage(projectDir: string, outDir: string) {
  const standalone = path.join(projectDir, ".next", "standalone");
  if (!fs.existsSync(path.join(standalone, "server.js"))) {
    throw new Error("No standalone build: run `next build` with HANDOFF_STANDALONE_BUILD=1 (next.config.mjs).");
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  copy(standalone, outDir);
  copy(path.join(projectDir, ".next", "static"), path.join(outDir, ".next", "static"));
  copy(path.join(projectDir, "public"), path.join(outDir, "public"));
  for (const file of START_FILES) copy(path.join(projectDir, file), path.join(outDir, file));
  for (const directory of packageClosure(START_PACKAGES, projectDir)) {
    copy(directory, path.join(outDir, path.relative(projectDir, directory)));
  }
  // Written by the app at run time (SQLite under data/ unless DATABASE_URL says otherwise).
  fs.mkdirSync(path.join(outDir, "data"), { recursive: true });
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "build") {
    const outDir = rest.find((argument) => !argument.startsWith("--"));
    if (!outDir) throw new Error("usage: tsx scripts/image.ts build <dir> [--skip-next-build]");
    if (!rest.includes("--skip-next-build")) {
      const build = spawnSync(
        process.execPath,
        [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"],
        {
          stdio: "inherit",
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", HANDOFF_STANDALONE_BUILD: "1" },
        },
      );
      if (build.status !== 0) process.exit(build.status ?? 1);
    }
    assembleImage(process.cwd(), path.resolve(outDir));
    return;
  }
  if (command === "start") {
    // server.js listens on PORT (default 3000) and HOSTNAME; KEEP_ALIVE_TIMEOUT is its
    // --keepAliveTimeout (scripts/lib/keep-alive.ts), unless the operator set one.
    await migrateThenServe(process.execPath, ["server.js"], {
      KEEP_ALIVE_TIMEOUT: process.env.KEEP_ALIVE_TIMEOUT ?? String(KEEP_ALIVE_TIMEOUT_MS),
    });
    return;
  }
  throw new Error("usage: tsx scripts/image.ts build <dir> | start");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
