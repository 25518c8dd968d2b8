import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";

import { createTestUser, expect, signInRequest, test } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";
import { callServerAction } from "../server-actions";

type Outcome = { data?: unknown; serverError?: { code: string; reason?: string } };

// The last active admin stays, also when two admins act against each other at the same moment,
// each through a different app process: the database decides, not the page either saw.
test("two admins demoting or deactivating each other at once: exactly one admin remains", async () => {
  const cluster = await startAppCluster({ name: "reliability-last-admin", instances: 2, empty: true });
  try {
    // The installation has just these two admins (no demo data).
    const first = await createTestUser("admin", { client: cluster.db, name: "Admin One" });
    const second = await createTestUser("admin", { client: cluster.db, name: "Admin Two" });
    const admins = [first, second] as const;
    const moves = [
      ["demote", "demote"],
      ["deactivate", "deactivate"],
      ["demote", "deactivate"],
      ["deactivate", "demote"],
      ["demote", "demote"],
    ] as const;

    const act = (context: APIRequestContext, move: "demote" | "deactivate", targetId: string) =>
      callServerAction(context, {
        exportedName: move === "demote" ? "changeUserRoleAction" : "setUserActiveAction",
        path: "/admin/users",
        input: move === "demote" ? { userId: targetId, roleId: "recruiter" } : { userId: targetId, active: false },
      }).then(({ result }) => result as Outcome);

    for (const [round, [moveOfFirst, moveOfSecond]] of moves.entries()) {
      // Both admins again, each signed in on their own app process.
      await cluster.db.user.updateMany({
        where: { id: { in: [first.id, second.id] } },
        data: { roleId: "admin", active: true },
      });
      const contexts = await Promise.all(
        admins.map(async (admin, index) => {
          const context = await playwrightRequest.newContext({ baseURL: cluster.apps[index]!.url, maxRedirects: 0 });
          await signInRequest(context, admin);
          return context;
        }),
      );
      const [byFirst, bySecond] = await Promise.all([
        act(contexts[0]!, moveOfFirst, second.id),
        act(contexts[1]!, moveOfSecond, first.id),
      ]);
      const outcomes = [byFirst, bySecond];
      const remaining = await cluster.db.user.findMany({
        where: { roleId: "admin", active: true },
        select: { id: true },
      });
      expect(remaining, `round ${round + 1}`).toHaveLength(1);
      expect(
        outcomes.filter((outcome) => outcome.data !== undefined),
        `round ${round + 1}`,
      ).toHaveLength(1);
      // The other is refused because it would leave no admin (or, had it come second on the same
      // row, because its own session ended with the demotion): never both succeed.
      const refused = outcomes.find((outcome) => outcome.data === undefined)!;
      expect(["last_admin", undefined]).toContain(refused.serverError?.reason);
      expect(["conflict", "unauthenticated", "forbidden"]).toContain(refused.serverError?.code);
      console.log(
        `last admin, round ${round + 1} (${moveOfFirst} vs ${moveOfSecond}): ${JSON.stringify(outcomes.map((o) => o.serverError?.reason ?? o.serverError?.code ?? "done"))} → 1 admin`,
      );
      await Promise.all(contexts.map((context) => context.dispose()));
    }

    await test.step("alone, the last admin cannot be demoted or deactivated by another user with users:manage either", async () => {
      await cluster.db.user.updateMany({ where: { id: second.id }, data: { roleId: "recruiter", active: true } });
      await cluster.db.user.update({ where: { id: first.id }, data: { roleId: "admin", active: true } });
      // A custom grant: a recruiter role that may manage users (no admin role of its own).
      await cluster.db.rolePermission.create({ data: { roleId: "recruiter", permission: "users:manage" } });
      const context = await playwrightRequest.newContext({ baseURL: cluster.apps[0]!.url, maxRedirects: 0 });
      await signInRequest(context, second);
      expect((await act(context, "demote", first.id)).serverError?.reason).toBe("last_admin");
      expect((await act(context, "deactivate", first.id)).serverError?.reason).toBe("last_admin");
      expect(await cluster.db.user.count({ where: { roleId: "admin", active: true } })).toBe(1);
      await context.dispose();
    });
  } finally {
    await cluster.stop();
  }
});
