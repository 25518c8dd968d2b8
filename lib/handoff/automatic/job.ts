import "server-only";

import { z } from "zod";

import { defineJobKind } from "@/lib/background/registry";
import { db } from "@/lib/db";
import { isHandoffDone, type HandoffStatus } from "@/lib/handoff/status";
import { logger } from "@/lib/logger";
import type { Actor } from "@/lib/permissions";

import { evaluateCandidate, EVALUATED_CANDIDATE_SELECT, loadBlockerContext } from "./evaluate";
import { AUTOMATIC_SEND_JOB } from "./queue-in";

// No person acts: the rule may send, nothing else. Its sends are recorded without a person
// (lib/handoff/claimed-write.ts) and name the rule instead.
const AUTOMATIC_ACTOR: Actor = { id: "automatic", permissions: new Set(["personio:send"]) };

/**
 * Sends one hire without review when its rule is still on, it is still in the rule's stage and
 * not in Personio, and nothing blocks it (every required value set and valid, every list value
 * one of Personio's, directly or through a mapping). Otherwise it stays in To send, where the
 * queue shows why. The send is the one write path's: same claim, outcomes, failure notices, audit.
 */
export const automaticSendJob = defineJobKind({
  kind: AUTOMATIC_SEND_JOB,
  payload: z.object({ candidateId: z.string(), ruleId: z.string() }),
  // A send's own failure is recorded on the hire (To send shows it); retried here is only a run
  // that failed before it reached the send (the database).
  retry: { maxAttempts: 3 },
  async run({ candidateId, ruleId }) {
    const [rule, candidate] = await Promise.all([
      db.automaticSendRule.findUnique({ where: { id: ruleId }, select: { enabled: true, source: true, stage: true } }),
      db.candidate.findUnique({
        where: { id: candidateId },
        select: { ...EVALUATED_CANDIDATE_SELECT, stage: true, handoff: { select: { status: true } } },
      }),
    ]);
    const log = logger.child({ candidateId, ruleId });
    if (!rule?.enabled || !candidate || candidate.externalSource !== rule.source || candidate.stage !== rule.stage) {
      log.info("Automatic send skipped: the rule is off or no longer applies");
      return;
    }
    if (isHandoffDone((candidate.handoff?.status ?? null) as HandoffStatus | null)) return;
    const { core, extra, blockers } = evaluateCandidate(await loadBlockerContext(), candidate);
    if (blockers.length > 0) {
      log.info({ blockers: blockers.map((blocker) => `${blocker.code}:${blocker.field}`) }, "Automatic send waits");
      return;
    }
    // Loaded here: the send path itself queues background work (its notices), and this keeps the
    // job registry out of its imports.
    const { sendCandidateToPersonio } = await import("@/lib/handoff/send");
    const result = await sendCandidateToPersonio({
      actor: AUTOMATIC_ACTOR,
      candidateId,
      fields: core,
      extra,
      automaticRuleId: ruleId,
    });
    log.info({ outcome: result.outcome, ...("code" in result ? { code: result.code } : {}) }, "Automatic send");
  },
});
