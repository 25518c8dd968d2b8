// Builds the benchmark databases: one SQLite file per size under data/ (git-ignored), migrated
// with the committed migrations, so the indexes measured are the ones production gets.
import { randomBytes } from "node:crypto";

import Database from "better-sqlite3";

import { hashPassword } from "@/lib/auth/password";
import { candidateSearchColumns } from "@/lib/candidates/search-text";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { DEMO_JOBS, plainAscii } from "@/prisma/demo-data";

import { deleteSqliteDatabase, migrateDatabase } from "../lib/database";
import { BENCH_FIRST_NAMES, BENCH_LAST_NAMES } from "./names";
import { createRandom } from "./random";

export const BENCH_PASSWORD = "bench-password-2026";
export const BENCH_RECRUITERS = 20;

export type BenchDataset = {
  databaseUrl: string;
  file: string;
  candidates: number;
  recruiterEmails: string[];
  adminEmail: string;
  /** Candidates in stage HIRED without a handoff, newest first: what the send benchmarks send. */
  sendableCandidateIds: string[];
  /** A candidate that was already sent, so its profile shows the badge (the heavier profile). */
  sentCandidateId: string;
  /** Real values from the data, so searches find what a person would type. */
  samples: { lastNamePrefix: string; firstLast: string; emailPrefix: string; emailInside: string; jobId: string };
};

const STAGES: Array<[string, number]> = [
  ["APPLIED", 0.4],
  ["SCREENING", 0.25],
  ["INTERVIEW", 0.18],
  ["OFFER", 0.07],
  ["HIRED", 0.1],
];
const SOURCES = ["LinkedIn", "Referral", "Careers page", "StepStone", "Agency", "Xing"];
const DOMAINS = ["example.com", "mail.example", "example.org", "post.example", "example.net"];
const DAY_MS = 86_400_000;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function pickStage(random: () => number): string {
  let roll = random();
  for (const [stage, share] of STAGES) {
    if (roll < share) return stage;
    roll -= share;
  }
  return "APPLIED";
}

function benchId(prefix: string, index: number): string {
  return `${prefix}${index.toString(36).padStart(7, "0")}${randomBytes(8).toString("hex")}`;
}

// Prisma stores DateTime in SQLite as ISO text with an explicit offset.
function sqliteDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export async function createBenchDataset(
  name: string,
  candidates: number,
  extraHiredToSend = 0,
): Promise<BenchDataset> {
  const file = `data/bench-${name}.db`;
  const databaseUrl = `file:./${file}`;
  deleteSqliteDatabase(databaseUrl);
  migrateDatabase(databaseUrl, { quiet: true });

  // Users through Prisma (roles come from the migrations); the bulk rows through raw
  // batched inserts in one transaction (100k rows in about a second).
  const prisma = createPrismaClient(databaseUrl);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  try {
    const users = [
      { name: "Bench Admin", email: "admin@bench.handoff.test", roleId: "admin" },
      ...Array.from({ length: BENCH_RECRUITERS }, (_, index) => ({
        name: `Bench Recruiter ${index + 1}`,
        email: `recruiter${index + 1}@bench.handoff.test`,
        roleId: "recruiter",
      })),
    ];
    await prisma.user.createMany({ data: users.map((user) => ({ ...user, passwordHash })) });
  } finally {
    await prisma.$disconnect();
  }

  const sqlite = new Database(file);
  try {
    return seedRows(sqlite, { name, file, databaseUrl, candidates, extraHiredToSend });
  } finally {
    sqlite.close();
  }
}

function seedRows(
  sqlite: Database.Database,
  options: { name: string; file: string; databaseUrl: string; candidates: number; extraHiredToSend: number },
): BenchDataset {
  const random = createRandom(0x5eed + options.candidates);
  const recruiterIds = (
    sqlite.prepare("SELECT id FROM User WHERE roleId = 'recruiter' ORDER BY email").all() as Array<{ id: string }>
  ).map((row) => row.id);
  const insertJob = sqlite.prepare("INSERT INTO Job (id, title, department, office) VALUES (?, ?, ?, ?)");
  const insertCandidate = sqlite.prepare(
    `INSERT INTO Candidate (id, firstName, lastName, email, phone, jobId, stage, source, notes, createdAt, updatedAt,
       firstNameKey, lastNameKey, emailKey, searchText)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertHandoff = sqlite.prepare(
    `INSERT INTO Handoff (id, candidateId, status, attempts, personioEmployeeId, personioSubdomain, sentById, sentAt, sentFields, createdAt, updatedAt)
     VALUES (?, ?, 'SENT', 1, ?, 'demo', ?, ?, NULL, ?, ?)`,
  );

  const now = Date.UTC(2026, 10, 20);
  const spanMs = 3 * 365 * DAY_MS; // three years of applications
  const total = options.candidates + options.extraHiredToSend;
  const sendable: string[] = [];
  let sentCandidateId = "";
  let employeeId = 500_000;
  let samples: BenchDataset["samples"] | undefined;

  sqlite.transaction(() => {
    const jobIds = DEMO_JOBS.map((job, index) => {
      const id = benchId("job", index);
      insertJob.run(id, job.title, job.department, job.office);
      return id;
    });
    for (let index = 0; index < total; index += 1) {
      const id = benchId("c", index);
      const firstName = pick(random, BENCH_FIRST_NAMES);
      const lastName = pick(random, BENCH_LAST_NAMES);
      const email = `${plainAscii(firstName)}.${plainAscii(lastName)}${index}@${pick(random, DOMAINS)}`;
      // Oldest first, as rows arrive in production; the extra send targets are the newest, hired
      // within the last days: spread over the three years, the older of several hundred targets fell
      // under the retention rules (applied when the app starts) and were gone before their send.
      const isSendTarget = index >= options.candidates;
      const createdAt = isSendTarget
        ? now - (total - index) * 60_000
        : now - spanMs + Math.floor(((index + random()) * spanMs) / options.candidates);
      const stage = isSendTarget ? "HIRED" : pickStage(random);
      const jobId = pick(random, jobIds);
      const phone = random() < 0.7 ? `+49 30 ${5_550_000 + (index % 4_000_000)}` : null;
      const notes = random() < 0.25 ? "Strong references. Prefers a start at the beginning of the month." : null;
      const created = sqliteDate(createdAt);
      // The search columns as the app's writes fill them (raw inserts bypass the Prisma extension).
      const search = candidateSearchColumns({ firstName, lastName, email });
      insertCandidate.run(
        id,
        firstName,
        lastName,
        email,
        phone,
        jobId,
        stage,
        pick(random, SOURCES),
        notes,
        created,
        created,
        search.firstNameKey,
        search.lastNameKey,
        search.emailKey,
        search.searchText,
      );
      if (isSendTarget) {
        sendable.push(id);
      } else if (stage === "HIRED" && random() < 0.3) {
        // About a third of hired candidates were already handed off: the list shows their badges.
        employeeId += 1;
        const sentAt = sqliteDate(createdAt + 20 * DAY_MS);
        insertHandoff.run(benchId("h", index), id, employeeId, pick(random, recruiterIds), sentAt, sentAt, sentAt);
        sentCandidateId = id;
      }
      if (index === Math.floor(options.candidates / 2)) {
        samples = {
          lastNamePrefix: lastName.slice(0, 4),
          firstLast: `${firstName} ${lastName}`,
          emailPrefix: email.slice(0, email.indexOf("@")),
          // The end of the local part and the domain: a search inside the email ("ller42@exa").
          emailInside: email.slice(Math.max(0, email.indexOf("@") - 6), email.indexOf("@") + 4),
          jobId,
        };
      }
    }
  })();
  // No ANALYZE: the app never runs it, so the planner here works without statistics, as in production.

  return {
    databaseUrl: options.databaseUrl,
    file: options.file,
    candidates: options.candidates,
    recruiterEmails: Array.from({ length: BENCH_RECRUITERS }, (_, index) => `recruiter${index + 1}@bench.handoff.test`),
    adminEmail: "admin@bench.handoff.test",
    sendableCandidateIds: sendable.reverse(),
    sentCandidateId,
    samples: samples!,
  };
}
