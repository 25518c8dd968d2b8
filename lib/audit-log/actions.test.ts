import { describe, expect, it } from "vitest";

import { readingOf } from "./action-reading";
import { AUDIT_ACTIONS, isAuditAction, ZAuditEntry, type AuditEntry } from "./actions";

// What the typed list refuses at compile time (`npx tsc` fails if one of these starts to compile),
// and the same entries through the zod union at run time.
const wrongDetails = {
  actorId: null,
  action: "candidate.move-stage",
  outcome: "success",
  details: { via: "api" },
  // @ts-expect-error: a stage move says where from and to.
} satisfies AuditEntry;
const unknownAction = {
  actorId: null,
  // @ts-expect-error: the plural name is no longer an action.
  action: "candidates.import",
  outcome: "success",
} satisfies AuditEntry;
const wrongVia = {
  actorId: null,
  action: "candidate.create",
  outcome: "success",
  // @ts-expect-error: candidates come through a screen, an import, the API or a webhook.
  details: { via: "app" },
} satisfies AuditEntry;
const strayDetail = {
  actorId: null,
  action: "user.change-role",
  outcome: "success",
  // @ts-expect-error: a detail the action does not have.
  details: { from: "recruiter", to: "admin", email: "a@b.c" },
} satisfies AuditEntry;
const good: AuditEntry[] = [
  {
    actorId: null,
    action: "candidate.update",
    targetType: "candidate",
    targetId: "c1",
    outcome: "success",
    details: { via: "webhook", sourceId: "s1", fields: ["email"], keptInPersonio: ["firstName"] },
  },
  {
    actorId: "u1",
    action: "handoff.send",
    outcome: "success",
    details: {
      employeeId: 7,
      status: "SENT",
      corrected: ["position"],
      "position.profile": "SRE",
      "position.sent": "SE",
    },
  },
  { actorId: "u1", action: "user.deactivate", targetType: "user", targetId: "u2", outcome: "success" },
];

describe("the typed audit entries", () => {
  it("are parsed by the discriminated union as their types say", () => {
    for (const entry of good) expect(ZAuditEntry.safeParse(entry).error, entry.action).toBeUndefined();
    for (const entry of [wrongDetails, unknownAction, wrongVia])
      expect(ZAuditEntry.safeParse(entry).success, JSON.stringify(entry)).toBe(false);
    // Zod drops a stray detail rather than refusing it; the type above refuses it.
    expect(ZAuditEntry.parse(strayDetail).details).toEqual({ from: "recruiter", to: "admin" });
  });

  it("have a reading for every action, and none for a name not in the list", () => {
    for (const action of AUDIT_ACTIONS) expect(readingOf(action).title).toBe(action);
    expect(isAuditAction("candidates.import")).toBe(false);
    expect(isAuditAction("toString")).toBe(false);
    // @ts-expect-error: the switch takes only actions of the list.
    expect(() => readingOf("candidate.archive")).not.toThrow();
  });
});
