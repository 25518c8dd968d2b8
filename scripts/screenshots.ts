// npm run screenshots: README's three pictures, taken from the production build (run `npm run build`
// first) with the demo data and the Personio sandbox, so they show the app as it is now. A recruiter
// sends two hired candidates; then the list with a badge's who-and-when open, the profile of one
// of them with its Personio panel, and the review form of a third.
import fs from "node:fs";

import { chromium, type Page } from "@playwright/test";

import { createPrismaClient } from "@/lib/db/create-prisma-client";

import {
  generateAppSecrets,
  seedDemoWithSandbox,
  startAppProcess,
  startDemoSandbox,
  waitUntilServing,
} from "./lib/app-with-sandbox";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "./lib/chromium";
import { migrateDatabase, resetDatabase } from "./lib/database";
import { freePort } from "./lib/free-port";
import { createSandboxAdmin } from "./personio-sandbox/admin-client";
import { DEMO_EXISTING_EMPLOYEES } from "./personio-sandbox/demo";

const DATABASE_URL = "file:./data/screenshots.db";
const VIEWPORT = { width: 1280, height: 820 };
const RECRUITER = { email: "recruiter@handoff.test", password: "handoff-recruiter" };

async function openSendDialog(page: Page, candidateId: string) {
  await page.goto(`/candidates/${candidateId}`);
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Send to Personio" }).click();
  const dialog = page.getByRole("dialog", { name: "Send to Personio" });
  // The form itself, not its loading line.
  await dialog.getByLabel("First name").waitFor();
  return dialog;
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build found: run `npm run build` first.");
  const secrets = generateAppSecrets();
  await resetDatabase(DATABASE_URL);
  migrateDatabase(DATABASE_URL, { quiet: true });
  const db = createPrismaClient(DATABASE_URL);
  await seedDemoWithSandbox(db, secrets.encryptionKey);
  // Not the demo candidate Personio already has: that one shows the "already in Personio" step.
  const inPersonio = DEMO_EXISTING_EMPLOYEES.map((employee) => employee.email);
  const hired = await db.candidate.findMany({
    where: { stage: "HIRED", handoff: null, email: { notIn: inPersonio } },
    orderBy: { createdAt: "desc" },
    take: 3,
    select: { id: true, job: { select: { department: true, office: true } } },
  });
  await db.$disconnect();
  if (hired.length < 3) throw new Error("The demo data has fewer than three hired candidates not yet sent.");

  const sandbox = await startDemoSandbox({ port: await freePort(), host: "127.0.0.1", quiet: true });
  // Personio knows a department or office by the employees that have it (the demo's one employee
  // is in Engineering, Berlin): colleagues in the pictured candidates' departments and offices, so
  // the review form shows a sendable hire rather than "not one of Personio's values".
  await createSandboxAdmin(sandbox.url).seedEmployees(
    hired.map(({ job }, index) => ({
      firstName: "Colleague",
      lastName: String(index + 1),
      email: `colleague.${index + 1}@demo.example`,
      department: job?.department ?? undefined,
      office: job?.office ?? undefined,
    })),
  );
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const app = startAppProcess({
    command: "start",
    port,
    databaseUrl: DATABASE_URL,
    url,
    sandboxUrl: sandbox.url,
    secrets,
    stdio: "ignore",
  });
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
  try {
    await waitUntilServing(url, app);
    const page = await browser.newPage({
      baseURL: url,
      viewport: VIEWPORT,
      locale: "en-US",
      timezoneId: "Europe/Berlin",
    });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(RECRUITER.email);
    await page.getByLabel("Password").fill(RECRUITER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/candidates/);

    for (const candidate of hired.slice(0, 2)) {
      const dialog = await openSendDialog(page, candidate.id);
      await dialog.getByRole("button", { name: "Send" }).click();
      await dialog.getByRole("status").filter({ hasText: "Sent to Personio." }).waitFor();
    }

    await page.goto("/candidates?stage=HIRED");
    await page
      .getByRole("main")
      .getByRole("link", { name: /^Personio/ })
      .first()
      .hover();
    await page.getByRole("tooltip").first().waitFor();
    await page.screenshot({ path: "public/screenshot-candidates.png" });

    // A sent profile: who sent it and when beside the badge, and the Personio panel.
    await page.goto(`/candidates/${hired[0]!.id}`);
    await page.getByTestId("personio-panel").waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: "public/screenshot-profile.png" });

    await openSendDialog(page, hired[2]!.id);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: "public/screenshot-send.png" });
    console.log("wrote public/screenshot-candidates.png, public/screenshot-profile.png and public/screenshot-send.png");
  } finally {
    await browser.close();
    app.kill("SIGTERM");
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
