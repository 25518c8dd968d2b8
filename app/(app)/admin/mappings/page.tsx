import { getTranslations } from "next-intl/server";

import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getSourceNames, listValueMappings } from "@/lib/mappings/store";
import { ALL_SOURCES, isMappableField, personioValuesFor } from "@/lib/mappings/values";
import { getFieldConfig } from "@/lib/personio-fields/store";

import { MappingForm } from "./_components/mapping-form";
import { MappingTable } from "./_components/mapping-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("mappings");
  return { title: t("title") };
}

function param(value: string | string[] | undefined) {
  return (Array.isArray(value) ? value[0] : value)?.slice(0, 255) ?? "";
}

// Value mappings: ATS values and the Personio values they stand for, searched, edited, deleted;
// each checked against Personio's current lists. The To send queue links here with a value filled in.
export default async function MappingsPage({ searchParams }: Props) {
  await requireUser("mappings:manage");
  const params = await searchParams;
  const search = param(params.q);
  const [t, listed, sourceNames, config] = await Promise.all([
    getTranslations("mappings"),
    listValueMappings({ search }),
    getSourceNames(),
    getFieldConfig(),
  ]);
  const sources = [
    { value: ALL_SOURCES, label: t("allSources") },
    ...Object.entries(sourceNames).map(([value, label]) => ({ value, label })),
  ];
  const sourceLabel = (source: string) => (source === ALL_SOURCES ? t("allSources") : (sourceNames[source] ?? source));
  const fields = [
    ...["department", "office", "subcompany", "position"],
    ...config.fields.map((field) => field.key).filter((key) => key.startsWith("dynamic_")),
  ].map((key) => ({
    key,
    label: config.fields.find((field) => field.key === key)?.label,
    // Offered as suggestions while typing the Personio value; the server checks it again.
    personioValues: listed.lists ? (personioValuesFor(key, listed.lists) ?? []) : [],
  }));
  const prefill = {
    source: param(params.source) || ALL_SOURCES,
    fieldKey: isMappableField(param(params.field)) ? param(params.field) : "department",
    atsValue: param(params.ats),
  };
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <section aria-labelledby="add-mapping-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="add-mapping-heading" className="text-lg font-semibold">
          {t("add")}
        </h2>
        <MappingForm sources={sources} fields={fields} initial={{ ...prefill, personioValue: "" }} />
      </section>
      <form method="get" role="search" className="flex items-end gap-2">
        <label className="flex-1 text-sm font-medium text-slate-700">
          {t("search")}
          <input
            type="search"
            name="q"
            defaultValue={search}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium">
          {t("searchButton")}
        </button>
      </form>
      {listed.listsUnavailable && <p className="text-sm text-amber-800">{t("listsUnavailable")}</p>}
      <MappingTable
        sources={sources}
        fields={fields}
        mappings={listed.mappings.map((mapping) => ({
          id: mapping.id,
          source: mapping.source,
          sourceLabel: sourceLabel(mapping.source),
          fieldKey: mapping.fieldKey,
          atsValue: mapping.atsValue,
          personioValue: mapping.personioValue,
          isStale: mapping.isStale === true,
        }))}
        empty={search ? t("emptySearch") : t("empty")}
      />
    </div>
  );
}
