import { getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { roleLabel } from "@/lib/permissions/role-label";
import { listRoles, listUsers } from "@/lib/users/service";

import { AddUserForm } from "./_components/add-user-form";
import { UserTable } from "./_components/user-table";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const currentUser = await requireUser("users:manage");
  const [t, tRoles, users, storedRoles] = await Promise.all([getTranslations("users"), getTranslations("roles"), listUsers(), listRoles()]);
  const roles = storedRoles.map((role) => ({ id: role.id, name: roleLabel(tRoles, role) }));
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} />
      <UserTable users={users} roles={roles} currentUserId={currentUser.id} />
      <section aria-labelledby="add-user-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="add-user-heading" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <AddUserForm roles={roles} />
      </section>
    </div>
  );
}
