import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { roleLabel } from "@/lib/permissions/role-label";
import { filterUsers, USER_SEARCH_MAX } from "@/lib/users/search";
import { listRoles, listUsers } from "@/lib/users/service";

import { CurrentMessageProvider } from "./_components/current-message";
import { InviteUserForm } from "./_components/invite-user-form";
import { UserTable } from "./_components/user-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: Props) {
  const currentUser = await requireUser("users:manage");
  const { q: rawQ, invite } = await searchParams;
  const q = (typeof rawQ === "string" ? rawQ : "").trim().slice(0, USER_SEARCH_MAX);
  // The invite form opens from "Invite" at the top right; its state is in the URL (?invite=1), so
  // it works without JavaScript and stays open across a reload, like the search.
  const isInviting = invite === "1";
  const usersHref = (inviting: boolean) => {
    const params = new URLSearchParams({ ...(q ? { q } : {}), ...(inviting ? { invite: "1" } : {}) });
    return params.size > 0 ? `/admin/users?${params}` : "/admin/users";
  };
  const [t, tAccounts, tRoles, allUsers, storedRoles] = await Promise.all([
    getTranslations("users"),
    getTranslations("userAccounts"),
    getTranslations("roles"),
    listUsers(),
    listRoles(),
  ]);
  const users = filterUsers(allUsers, q);
  const roles = storedRoles.map((role) => ({ id: role.id, name: roleLabel(tRoles, role) }));
  return (
    <CurrentMessageProvider>
      <div className="space-y-8">
        <PageHeader
          title={t("title")}
          end={
            <div className="flex flex-wrap items-center gap-4">
              <p className="text-sm text-slate-600" aria-live="polite">
                {q
                  ? t("countFiltered", { shown: users.length, total: allUsers.length })
                  : t("count", { count: allUsers.length })}
              </p>
              {!isInviting && (
                <Link href={usersHref(true)} className={buttonClassName("primary")}>
                  {tAccounts("inviteOpen")}
                </Link>
              )}
            </div>
          }
        />
        {isInviting && (
          <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-6">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 id="invite-heading" className="text-lg font-semibold">
                {tAccounts("invite")}
              </h2>
              <Link href={usersHref(false)} className={buttonClassName("ghost")}>
                {tAccounts("inviteClose")}
              </Link>
            </div>
            <InviteUserForm roles={roles} />
          </section>
        )}
        <div className="space-y-4">
          {/* A plain GET form, like the candidate list's: works without JavaScript, a shareable URL. */}
          <form
            role="search"
            method="get"
            action="/admin/users"
            className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="min-w-0 flex-1 basis-56">
              <label htmlFor="user-search" className="mb-1 block text-sm font-medium text-slate-700">
                {t("searchLabel")}
              </label>
              <input
                id="user-search"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={USER_SEARCH_MAX}
                placeholder={t("searchPlaceholder")}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
              />
            </div>
            <button type="submit" className={buttonClassName("primary")}>
              {t("search")}
            </button>
            {isInviting && <input type="hidden" name="invite" value="1" />}
            {q && (
              <Link href={isInviting ? "/admin/users?invite=1" : "/admin/users"} className={buttonClassName("ghost")}>
                {t("showAll")}
              </Link>
            )}
          </form>
          {users.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
              <p className="font-medium">{t("noMatchTitle", { q })}</p>
              <p className="mt-1 text-sm text-slate-600">{t("noMatchHint")}</p>
            </div>
          ) : (
            <UserTable
              users={users.map((user) => ({
                ...user,
                linkExpiresAt: user.linkExpiresAt?.toISOString() ?? null,
                lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
              }))}
              roles={roles}
              currentUserId={currentUser.id}
            />
          )}
        </div>
      </div>
    </CurrentMessageProvider>
  );
}
