import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import { AUDIT_CATEGORIES, AUDIT_OUTCOMES, type TAuditListParams } from "@/lib/audit-log/params";

const CONTROL = "block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
const LABEL = "mb-1 block text-sm font-medium text-slate-700";

type Person = { id: string; name: string; email: string };

// A plain GET form, like the candidate filters: every view of the log is a shareable URL, and
// it works with the keyboard alone (Enter in any field applies it).
export async function AuditFilters({
  params,
  people,
  timeZoneLabel,
}: {
  params: TAuditListParams;
  people: Person[];
  timeZoneLabel: string;
}) {
  const t = await getTranslations("audit");
  // A person filtered by who no longer exists still shows as chosen rather than as "Anyone".
  const personKnown = !params.person || people.some((person) => person.id === params.person);
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label={t("filters.label")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      <div>
        <label htmlFor="audit-category" className={LABEL}>
          {t("filters.category")}
        </label>
        <select id="audit-category" name="category" defaultValue={params.category} className={CONTROL}>
          {AUDIT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`filters.categories.${category}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-outcome" className={LABEL}>
          {t("filters.outcome")}
        </label>
        <select id="audit-outcome" name="outcome" defaultValue={params.outcome} className={CONTROL}>
          <option value="">{t("filters.allOutcomes")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcomes.${outcome}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-person" className={LABEL}>
          {t("filters.person")}
        </label>
        <select id="audit-person" name="person" defaultValue={params.person} className={CONTROL}>
          <option value="">{t("filters.anyone")}</option>
          {!personKnown && <option value={params.person}>{t("deletedUser")}</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-candidate" className={LABEL}>
          {t("filters.candidate")}
        </label>
        <input
          id="audit-candidate"
          name="candidate"
          type="search"
          defaultValue={params.candidate}
          placeholder={t("filters.candidatePlaceholder")}
          maxLength={200}
          autoComplete="off"
          className={CONTROL}
        />
      </div>
      <div className="sm:col-span-2 lg:col-span-1">
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="audit-from" className={LABEL}>
              {t("filters.from")}
            </label>
            <input
              id="audit-from"
              name="from"
              type="date"
              aria-describedby="audit-days-hint"
              defaultValue={params.from}
              max={params.to || undefined}
              className={CONTROL}
            />
          </div>
          <div>
            <label htmlFor="audit-to" className={LABEL}>
              {t("filters.to")}
            </label>
            <input
              id="audit-to"
              name="to"
              type="date"
              aria-describedby="audit-days-hint"
              defaultValue={params.to}
              min={params.from || undefined}
              className={CONTROL}
            />
          </div>
        </div>
        <p id="audit-days-hint" className="mt-1 text-xs text-slate-500">
          {t("filters.dateHint", { timeZone: timeZoneLabel })}
        </p>
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonClassName("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/admin/audit" className={buttonClassName("ghost")}>
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
