import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { getCurrentUser } from "@/lib/auth/current-user";

// What a signed-in person sees on a page their role does not include (lib/auth/require-user.ts
// calls forbidden(); the answer's status is 403). It says so plainly, names their role, and says
// who can change it; nothing of the page itself is rendered.
export default async function NoAccess() {
  const [t, user] = await Promise.all([getTranslations("access"), getCurrentUser()]);
  return (
    <section aria-labelledby="no-access-heading" className="mx-auto max-w-lg py-16 text-center">
      <h1 id="no-access-heading" className="text-2xl font-semibold">
        {t("noAccessTitle")}
      </h1>
      <p className="mt-3 text-slate-600">
        {user ? t("noAccessBody", { role: user.roleName }) : t("noAccessBodyNoRole")}
      </p>
      <p className="mt-2 text-slate-600">{t("noAccessHelp")}</p>
      <Link href="/candidates" className="mt-6 inline-block text-indigo-700 underline">
        {t("backToCandidates")}
      </Link>
    </section>
  );
}
