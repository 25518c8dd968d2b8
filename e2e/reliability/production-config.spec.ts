import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

import { freePort } from "@/scripts/lib/free-port";

import { DATABASE_INDEPENDENT, expect, test } from "../fixtures";

// A production server with an unsafe configuration stops at start and says what is wrong,
// rather than serving without Secure cookies or with a guessable key.
async function startWith(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "file:./data/never-opened.db",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ...env,
  };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 45_000);
    child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output };
}

const CASES: Array<[string, Record<string, string | undefined>, RegExp[]]> = [
  ["NEXTAUTH_URL missing", { NEXTAUTH_URL: undefined }, [/NEXTAUTH_URL/]],
  ["NEXTAUTH_URL on plain http", { NEXTAUTH_URL: "http://handoff.example.com" }, [/NEXTAUTH_URL: must use https/]],
  [
    "a low-entropy ENCRYPTION_KEY and a plain-http Personio API",
    {
      NEXTAUTH_URL: "https://handoff.example.com",
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      PERSONIO_API_BASE_URL: "http://api.personio.example",
    },
    [/ENCRYPTION_KEY: is too predictable/, /PERSONIO_API_BASE_URL: must use https/],
  ],
  [
    "an SMTP server without a sender, and a login without its password",
    { NEXTAUTH_URL: "https://handoff.example.com", SMTP_HOST: "mail.example.com", SMTP_USER: "handoff" },
    [/SMTP_FROM: is needed when SMTP_HOST is set/, /SMTP_PASSWORD: SMTP_USER and SMTP_PASSWORD go together/],
  ],
  [
    "an SMTP sender with a line break",
    {
      NEXTAUTH_URL: "https://handoff.example.com",
      SMTP_HOST: "mail.example.com",
      SMTP_FROM: "a@example.com\nBcc: b@example.com",
    },
    [/SMTP_FROM: must be one line/],
  ],
];

test.describe("production configuration", DATABASE_INDEPENDENT, () => {
  for (const [name, env, messages] of CASES) {
    test(`${name}: the server refuses to start and says why`, async () => {
      const { code, output } = await startWith(env);
      expect(code, output).toBe(1);
      expect(output).toContain("Handoff cannot start");
      for (const message of messages) expect(output).toMatch(message);
    });
  }

  test("https, or http on loopback only, with a random key: it starts", async () => {
    const port = await freePort();
    const child = spawn("node_modules/.bin/next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: "file:./data/never-opened.db",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        PERSONIO_API_BASE_URL: "https://api.personio.de",
      },
      stdio: "ignore",
    });
    try {
      // An answer that needs no database (this one has no tables): the server is up and serving.
      let status = 0;
      for (let tries = 0; tries < 150 && status === 0; tries += 1) {
        status = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });
});
