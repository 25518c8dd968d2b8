import type { PrismaClient } from "@/lib/db/create-prisma-client";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, expect, signIn, test } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";

// The daily retention job in a production server whose background clock runs 200 days ahead
// (HANDOFF_TEST_CLOCK_OFFSET_DAYS: a test-only setting the configuration check refuses unless the
// server's address is a loopback one), past every default period: the job runs at start, as it
// does on any day's first start. The rules' SQL is proven on both databases by
// lib/privacy/privacy.db.test.ts; this proves the running app schedules and applies them.
type Seeded = {
  unsentId: string;
  deliveryId: string;
  importId: string;
  sentId: string;
  inFlightId: string;
  adminEmail: string;
};

async function seed(db: PrismaClient, seeded: Partial<Seeded>) {
  const admin = await createTestUser("admin", { client: db, name: "Retention Sender" });
  const unsent = await createTestCandidate({}, db);
  const sent = await createTestCandidate({ phone: "+49 170 0000000", notes: "Prefers mornings" }, db);
  const inFlight = await createTestCandidate({}, db);
  await db.handoff.create({
    data: {
      candidateId: sent.id,
      status: "SENT",
      personioEmployeeId: 4242,
      personioSubdomain: "demo",
      sentById: admin.id,
      sentAt: new Date(),
      sentFields: JSON.stringify({ email: sent.email }),
    },
  });
  await db.handoff.create({
    data: { candidateId: inFlight.id, status: "SENDING", claimToken: "in-flight", claimedAt: new Date(), attempts: 1 },
  });
  const source = await db.webhookSource.create({
    data: {
      kind: "handoff",
      name: "Retention ATS",
      pathToken: `retention-${unsent.id}`,
      externalSource: `handoff.${unsent.id}`,
      secretEncrypted: "unused",
    },
  });
  const delivery = await db.webhookDelivery.create({
    data: {
      sourceId: source.id,
      outcome: "created",
      candidateId: unsent.id,
      mappedFields: JSON.stringify({ email: unsent.email }),
    },
  });
  const upload = await db.candidateImport.create({
    data: {
      fileName: "retention.csv",
      fileSize: 1,
      fileSha256: "0".repeat(64),
      format: "csv",
      externalSource: "retention",
      headers: '["email"]',
      status: "DONE",
      rejections: { create: { rowNumber: 2, reasons: '["invalid_stage"]', cells: JSON.stringify([unsent.email]) } },
    },
  });
  Object.assign(seeded, {
    unsentId: unsent.id,
    deliveryId: delivery.id,
    importId: upload.id,
    sentId: sent.id,
    inFlightId: inFlight.id,
    adminEmail: admin.email,
  });
}

test(
  "with the clock past every period, the daily job removes what is due and leaves a send in flight alone",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const seeded: Partial<Seeded> = {};
    let cluster: AppCluster | undefined;
    try {
      cluster = await startAppCluster({
        name: "reliability-retention",
        instances: 1,
        env: { HANDOFF_TEST_CLOCK_OFFSET_DAYS: "200" },
        beforeStart: (db) => seed(db, seeded),
      });
      const { db } = cluster;
      const ids = seeded as Seeded;

      await test.step("the job runs at start, as of 200 days ahead", async () => {
        await expect
          .poll(() => db.auditLog.count({ where: { action: "privacy.retention-run" } }), { timeout: 30_000 })
          .toBe(1);
        const run = await db.auditLog.findFirstOrThrow({ where: { action: "privacy.retention-run" } });
        const details = JSON.parse(run.details!) as { asOf: string; inFlightSkipped: number };
        expect(new Date(details.asOf).getTime()).toBeGreaterThan(Date.now() + 199 * 24 * 3600_000);
        expect(details.inFlightSkipped).toBe(1);
      });

      await test.step("the never-sent candidate, its intake-log entry and its import row are gone", async () => {
        expect(await db.candidate.findUnique({ where: { id: ids.unsentId } })).toBeNull();
        expect(await db.webhookDelivery.findUnique({ where: { id: ids.deliveryId } })).toBeNull();
        expect(await db.candidateImportRejection.count({ where: { importId: ids.importId } })).toBe(0);
        expect(await db.candidateImport.findUnique({ where: { id: ids.importId } })).toBeNull();
      });

      await test.step("the sent candidate's personal data is erased; its handoff record stays", async () => {
        const sent = await db.candidate.findUniqueOrThrow({ where: { id: ids.sentId }, include: { handoff: true } });
        expect(sent).toMatchObject({ firstName: "", lastName: "", email: "", phone: null, notes: null });
        expect(sent.handoff).toMatchObject({ status: "SENT", personioEmployeeId: 4242, sentFields: null });
      });

      await test.step("the send in flight is untouched", async () => {
        const inFlight = await db.candidate.findUniqueOrThrow({
          where: { id: ids.inFlightId },
          include: { handoff: true },
        });
        expect(inFlight.firstName).not.toBe("");
        expect(inFlight.erasedAt).toBeNull();
        expect(inFlight.handoff?.status).toBe("SENDING");
      });

      await test.step("the profile shows an erased person with its badge history", async () => {
        const context = await browser.newContext({ baseURL: cluster!.apps[0]!.url });
        const page = await context.newPage();
        await signIn(page, { email: ids.adminEmail });
        await page.goto(`/candidates/${ids.sentId}`);
        await expect(page.getByRole("heading", { level: 1, name: "Erased person" })).toBeVisible();
        await expect(page.getByTestId("personio-sent-by")).toContainText("Retention Sender");
        await context.close();
      });
    } finally {
      await cluster?.stop();
    }
  },
);
