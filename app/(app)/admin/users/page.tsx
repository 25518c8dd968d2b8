import { getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { roleLabel } from "@/lib/permissions/role-label";
import { listRoles, listUsers } from "@/lib/users/service";

import { InviteUserForm } from "./_components/invite-user-form";
import { UserTable } from "./_components/user-table";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const currentUser = await requireUser("users:manage");
  const [t, tAccounts, tRoles, users, storedRoles] = await Promise.all([
    getTranslations("users"),
    getTranslations("userAccounts"),
    getTranslations("roles"),
    listUsers(),
    listRoles(),
  ]);
  const roles = storedRoles.map((role) => ({ id: role.id, name: roleLabel(tRoles, role) }));
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} />
      <UserTable
        users={users.map((user) => ({ ...user, linkExpiresAt: user.linkExpiresAt?.toISOString() ?? null }))}
        roles={roles}
        currentUserId={currentUser.id}
      />
      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="invite-heading" className="text-lg font-semibold">
          {tAccounts("invite")}
        </h2>
        <InviteUserForm roles={roles} />
      </section>
    </div>
  );
}
