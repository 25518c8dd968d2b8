import "server-only";

import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { writeAuditLog } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { findPasswordProblem } from "@/lib/auth/password-strength";
import { ConflictError } from "@/lib/errors";
import { INSTALLATION_ID, isSetupNeeded } from "@/lib/setup/installation";
import { PasswordRejectedError } from "@/lib/users/password-links";

// The first run: an empty installation has no way in until its first admin exists. That admin
// is made once, by the setup page (app/(auth)/setup) or `npm run admin:create`; both call this.
// Takes the client as a parameter: the command line has no app (and no lib/db) around it.
export type SetupSource = "setup-page" | "cli";

export type FirstAdminInput = { name: string; email: string; password: string };

// "Only once" is a database fact: the installation row's primary key. Of two setups at the same
// moment (two tabs, the page and the command line, two instances) exactly one insert succeeds;
// the other transaction fails with a unique violation and creates nobody.
export async function createFirstAdmin(
  client: PrismaClient,
  input: FirstAdminInput,
  source: SetupSource,
): Promise<{ userId: string }> {
  if (!(await isSetupNeeded(client))) throw new ConflictError("already_set_up");
  const problem = await findPasswordProblem(input.password, input);
  if (problem) throw new PasswordRejectedError(problem);
  const passwordHash = await hashPassword(input.password);
  try {
    return await client.$transaction(async (tx) => {
      await tx.installation.create({ data: { id: INSTALLATION_ID, setupBy: source } });
      if ((await tx.user.count()) > 0) throw new ConflictError("already_set_up");
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, roleId: "admin", passwordHash },
        select: { id: true },
      });
      await tx.installation.update({ where: { id: INSTALLATION_ID }, data: { firstAdminId: user.id } });
      await writeAuditLog(tx, {
        actorId: user.id,
        action: "installation.setup",
        targetType: "user",
        targetId: user.id,
        outcome: "success",
        details: { source },
      });
      return { userId: user.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new ConflictError("already_set_up");
    throw error;
  }
}
