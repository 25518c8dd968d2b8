import { getTranslations } from "next-intl/server";
import Link from "next/link";

export type BlockerGroupView = {
  key: string;
  text: string;
  hires: Array<{ id: string; name: string }>;
  /** The mappings page with this value filled in, for those who may add a mapping. */
  mappingHref: string | null;
};

// The queue's hires grouped by what holds them up: one mapping fixes a whole group.
export async function BlockerGroups({ groups }: { groups: BlockerGroupView[] }) {
  const t = await getTranslations("sendBlockers");
  return (
    <section aria-labelledby="blocker-groups-heading" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 id="blocker-groups-heading" className="font-semibold text-amber-950">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-amber-900">{t("intro")}</p>
      <ul className="mt-3 space-y-3">
        {groups.map((group) => (
          <li key={group.key} data-testid="blocker-group" className="text-sm">
            <p className="font-medium text-amber-950">
              {group.text} <span className="font-normal">· {t("hires", { count: group.hires.length })}</span>
            </p>
            {/* Names only: each hire's link is its row in the table below. */}
            <p className="text-slate-700">{group.hires.map((hire) => hire.name).join(", ")}</p>
            {group.mappingHref && (
              <Link href={group.mappingHref} className="font-medium text-indigo-700 underline underline-offset-2">
                {t("addMapping")}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
