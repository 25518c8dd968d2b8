import "server-only";

import { db } from "@/lib/db";
import { PERSONIO_INTEGRATION_ID } from "@/lib/personio/integration/connection";

export const ONBOARDING_STEPS = ["connectPersonio", "addUsers", "bringCandidates", "chooseFields"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/**
 * The first-run checklist, each step done or not as the database already says: a Personio
 * connection exists (enabled or not: it was made), someone besides the first admin has an
 * account, a candidate exists, an admin has saved the fields the review form offers. No flags of
 * its own, so it cannot drift from what was really done.
 */
export async function getOnboardingChecklist(): Promise<Record<OnboardingStep, boolean>> {
  const [integration, users, candidate, fields] = await Promise.all([
    db.personioIntegration.findUnique({ where: { id: PERSONIO_INTEGRATION_ID }, select: { id: true } }),
    // Two rows are enough to know: never a count over every account.
    db.user.findMany({ select: { id: true }, take: 2 }),
    db.candidate.findFirst({ select: { id: true } }),
    db.personioFieldConfig.findFirst({ select: { id: true } }),
  ]);
  return {
    connectPersonio: integration !== null,
    addUsers: users.length > 1,
    bringCandidates: candidate !== null,
    chooseFields: fields !== null,
  };
}
