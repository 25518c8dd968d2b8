// The first-run checklist reads each step's state from the data itself (no flags of its own).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createFreshDatabase } from "@/e2e/support/test-database";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";

type Checklist = typeof import("./checklist");

let database: Awaited<ReturnType<typeof createFreshDatabase>>;
let client: PrismaClient;
let checklist: Checklist;

beforeAll(async () => {
  database = await createFreshDatabase(`vitest-onboarding-${process.pid}`);
  client = createPrismaClient(database.url);
  vi.resetModules();
  vi.doMock("@/lib/db", () => ({ db: client }));
  checklist = await import("./checklist");
});

afterAll(async () => {
  await client.$disconnect();
  await database.drop();
});

describe("the onboarding checklist", () => {
  it("is open on a new installation with only its first admin, and each step is done once the data shows it", async () => {
    await client.user.create({ data: { name: "First", email: "first@example.com", roleId: "admin" } });
    expect(await checklist.getOnboardingChecklist()).toEqual({
      connectPersonio: false,
      addUsers: false,
      bringCandidates: false,
      chooseFields: false,
    });

    await client.user.create({ data: { name: "Second", email: "second@example.com", roleId: "recruiter" } });
    const job = await client.job.create({ data: { title: "Engineer", department: "R&D", office: "Berlin" } });
    await client.candidate.create({
      data: { firstName: "Ada", lastName: "L", email: "ada@example.com", stage: "APPLIED", jobId: job.id },
    });
    expect(await checklist.getOnboardingChecklist()).toEqual({
      connectPersonio: false,
      addUsers: true,
      bringCandidates: true,
      chooseFields: false,
    });

    // A disabled connection was still made: the step stays done.
    await client.personioIntegration.create({
      data: { clientId: "id", clientSecretEncrypted: "x", subdomain: "acme", enabled: false },
    });
    await client.personioFieldConfig.create({ data: { fields: '{"fields":[]}' } });
    expect(Object.values(await checklist.getOnboardingChecklist()).every(Boolean)).toBe(true);
  });
});
