import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Development and demo only: the secrets the app needs are generated once and kept under the
// git-ignored data/ folder, so a fresh clone runs without any manual setup. Production never
// reads this file (lib/env.ts requires real values there).
const DEV_SECRETS_FILE = path.join(process.cwd(), "data", "dev-secrets.json");

export type DevSecrets = { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string };

export function loadOrCreateDevSecrets(): DevSecrets {
  const file = /*turbopackIgnore: true*/ DEV_SECRETS_FILE;
  try {
    const stored = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as Partial<DevSecrets>;
    if (stored.NEXTAUTH_SECRET && stored.ENCRYPTION_KEY) return stored as DevSecrets;
  } catch {
    // Missing or unreadable: create below.
  }
  const secrets: DevSecrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // "wx" keeps the first writer's secrets if two processes start at once.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  } catch {
    return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as DevSecrets;
  }
  return secrets;
}
