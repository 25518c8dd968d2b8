// Preloaded into `next start` by the benchmark only (NODE_OPTIONS=--require), never by the app:
// counts and times every SQL statement the server runs through better-sqlite3, and answers on a
// loopback port so the benchmark can read the numbers per page. Production code is untouched.
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const Module = require("node:module");
const path = require("node:path");

const portFile = process.env.BENCH_DB_PROBE_PORT_FILE;
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
const MAX_RECORDED = 200;

const stats = { statements: 0, transactionControl: 0, dbMs: 0, transactionMs: 0, recorded: [] };
let patched = false;
let lastDatabase = null;

// CPU time of the whole server process since the last reset: steadier than wall time on a busy machine.
let cpuAtReset = process.cpuUsage();

function reset() {
  cpuAtReset = process.cpuUsage();
  stats.statements = 0;
  stats.transactionControl = 0;
  stats.dbMs = 0;
  stats.transactionMs = 0;
  stats.recorded = [];
}

// The Prisma adapter prepares each statement, binds it and runs it once (run() or raw().all()).
function patch(Database) {
  if (patched) return;
  patched = true;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function probedPrepare(sql, ...rest) {
    const statement = prepare.call(this, sql, ...rest);
    if (this.__benchInternal) return statement;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the app's connection, kept for EXPLAIN QUERY PLAN
    lastDatabase = this;
    if (TRANSACTION_CONTROL.test(sql)) {
      stats.transactionControl += 1;
      // Timed apart: a COMMIT is where the journal reaches the disk.
      const run = statement.run;
      statement.run = function timedControl(...args) {
        const start = process.hrtime.bigint();
        try {
          return run.apply(this, args);
        } finally {
          stats.transactionMs += Number(process.hrtime.bigint() - start) / 1e6;
        }
      };
      return statement;
    }
    stats.statements += 1;
    const entry = { sql, args: [], ms: 0 };
    if (stats.recorded.length < MAX_RECORDED) stats.recorded.push(entry);
    for (const method of ["run", "all", "get", "iterate"]) {
      const original = statement[method];
      statement[method] = function timed(...args) {
        const start = process.hrtime.bigint();
        try {
          return original.apply(this, args);
        } finally {
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          entry.ms += ms;
          stats.dbMs += ms;
        }
      };
    }
    const bind = statement.bind;
    statement.bind = function recordArgs(...args) {
      entry.args = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
      return bind.apply(this, args);
    };
    return statement;
  };
}

// Patch better-sqlite3 when the server first loads it (it is a server-external package, so
// Node's own module cache holds the one instance the Prisma adapter uses).
const load = Module._load;
Module._load = function probedLoad(request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  if (!patched && (request === "better-sqlite3" || /[\\/]better-sqlite3[\\/]lib[\\/]index\.js$/.test(request))) {
    patch(exported);
    startServer();
  }
  return exported;
};

// EXPLAIN QUERY PLAN of the recorded statements, on the server's own connection and with the
// values it bound, so the plans shown are those of the queries the page really ran.
function plans() {
  if (!lastDatabase) return [];
  lastDatabase.__benchInternal = true;
  try {
    return stats.recorded.map((entry) => {
      try {
        const rows = lastDatabase.prepare(`EXPLAIN QUERY PLAN ${entry.sql}`).all(...entry.args);
        return { sql: entry.sql, ms: entry.ms, plan: rows.map((row) => String(row.detail)) };
      } catch (error) {
        return { sql: entry.sql, ms: entry.ms, plan: [`(no plan: ${error.message})`] };
      }
    });
  } finally {
    lastDatabase.__benchInternal = false;
  }
}

function startServer() {
  if (!portFile) return;
  const server = http.createServer((req, res) => {
    let body;
    if (req.url === "/reset" && req.method === "POST") {
      reset();
      body = { ok: true };
    } else if (req.url === "/stats") {
      body = {
        statements: stats.statements,
        transactionControl: stats.transactionControl,
        dbMs: stats.dbMs,
        transactionMs: stats.transactionMs,
        cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuAtReset)),
        sql: stats.recorded.map((entry) => entry.sql),
      };
    } else if (req.url === "/plans") {
      body = { plans: plans() };
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body, (_key, value) => (typeof value === "bigint" ? value.toString() : value)));
  });
  server.unref();
  server.listen(0, "127.0.0.1", () => {
    fs.mkdirSync(path.dirname(portFile), { recursive: true });
    fs.writeFileSync(portFile, String(server.address().port));
  });
}
