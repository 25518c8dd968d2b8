// npm run admin:create -- --name "Ada Lovelace" --email ada@example.com
// Creates the first admin of an empty installation from the command line, for scripted installs:
// the same as the setup page (lib/setup/first-admin.ts), and like it, only once. The password is
// read from standard input (piped, or typed without echo), never from the command line, where
// other users of the machine could see it in the process list.
// Runs with the react-server condition (package.json), under which "server-only" is allowed.
import readline from "node:readline";
import { parseArgs } from "node:util";

import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { AppError } from "@/lib/errors";
import { createFirstAdmin } from "@/lib/setup/first-admin";
import { ZSetupInput } from "@/lib/setup/schemas";

import { migrateDatabase } from "./lib/database";

const USAGE =
  'Usage: npm run admin:create -- --name "Full Name" --email name@example.com   (password on standard input)';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
  }
  // Typed at a terminal: echo nothing.
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(question);
      output._writeToOutput = () => {};
      rl.question("", (answer) => {
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  try {
    const first = await ask("Password (at least 12 characters): ");
    const second = await ask("Repeat the password: ");
    if (first !== second) throw new Error("The two passwords do not match.");
    return first;
  } finally {
    rl.close();
  }
}

const PROBLEMS: Record<string, string> = {
  password_common: "This password is one of the most commonly used ones (or close to one). Choose another.",
  password_personal: "This password contains the name or email address. Choose another.",
  password_guessable: "This password is too easy to guess (a pattern, a repeat or a common word). Choose another.",
  already_set_up:
    "Handoff already has users: the first admin exists. Sign in as an admin and invite people under Users.",
};

async function main() {
  const { values } = parseArgs({ options: { name: { type: "string" }, email: { type: "string" } } });
  if (!values.name || !values.email) {
    console.error(USAGE);
    process.exit(2);
  }
  const password = await readPassword();
  const parsed = ZSetupInput.safeParse({ setupToken: "-", name: values.name, email: values.email, password });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    console.error(field === "password" ? "The password must have 12 to 256 characters." : `Invalid ${field}. ${USAGE}`);
    process.exit(2);
  }
  const databaseUrl = process.env.DATABASE_URL ?? "file:./data/handoff.db";
  migrateDatabase(databaseUrl, { quiet: true });
  const db = createPrismaClient(databaseUrl);
  try {
    const { name, email } = parsed.data;
    await createFirstAdmin(db, { name, email, password }, "cli");
    console.log(`Created the first admin: ${name} <${email}>. Sign in with this email and password.`);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(PROBLEMS[error.reason ?? ""] ?? error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
