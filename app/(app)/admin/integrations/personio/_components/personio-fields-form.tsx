"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { refreshPersonioOptionsAction, setPersonioFieldsAction } from "@/app/(app)/admin/integrations/personio/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import {
  fieldValueProblem,
  sourcesFor,
  STANDARD_OPTIONAL_FIELDS,
  type OptionalField,
} from "@/lib/personio-fields/catalogue";
import type { FieldConfig, FieldSetting } from "@/lib/personio-fields/config";

type CustomAttribute = { key: string; label: string; type: string };
type Props = {
  config: FieldConfig;
  customAttributes: CustomAttribute[] | null;
  lists: {
    fetchedAt: string | null;
    counts: { departments: number; offices: number; subcompanies: number; supervisors: number } | null;
  };
};

// Which optional fields the review form offers and where each is prefilled from.
export function PersonioFieldsForm({ config, customAttributes, lists }: Props) {
  const t = useTranslations("personioFields");
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [settings, setSettings] = useState<Record<string, FieldSetting>>(() =>
    Object.fromEntries(config.fields.map((field) => [field.key, field])),
  );
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const save = useAction(setPersonioFieldsAction, {
    onSuccess: () => {
      setFeedback({ tone: "success", text: t("settings.saved") });
      router.refresh();
    },
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? t("settings.invalid") }),
  });
  const refresh = useAction(refreshPersonioOptionsAction, {
    onSuccess: ({ data }) => {
      setFeedback(
        data?.ok
          ? { tone: "success", text: t("settings.refreshed") }
          : { tone: "error", text: t("settings.refreshFailed", { reason: data?.code ?? "" }) },
      );
      router.refresh();
    },
    onError: ({ error }) => setFeedback({ tone: "error", text: describeError(error) ?? "" }),
  });

  const rows: Array<{ key: OptionalField; label: string; type?: string }> = [
    ...STANDARD_OPTIONAL_FIELDS.map((key) => ({ key, label: t(`fields.${key}`) })),
    ...(customAttributes ?? []).map((attribute) => ({
      key: attribute.key as OptionalField,
      label: attribute.label,
      type: attribute.type,
    })),
  ];
  const invalid = Object.values(settings).some(
    (setting) =>
      setting.source === "fixed" &&
      (!setting.fixed?.trim() || fieldValueProblem(setting.key, setting.fixed, setting.type) !== null),
  );

  const toggle = (row: (typeof rows)[number], on: boolean) =>
    setSettings((current) => {
      const next = { ...current };
      if (on)
        next[row.key] = {
          key: row.key,
          source: sourcesFor(row.key)[0] ?? "none",
          ...(row.type ? { label: row.label, type: row.type } : {}),
        };
      else delete next[row.key];
      return next;
    });
  const change = (key: string, patch: Partial<FieldSetting>) =>
    setSettings((current) => ({ ...current, [key]: { ...current[key]!, ...patch } }));

  return (
    <div className="space-y-4">
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <p className="text-sm text-slate-600">
        {t("settings.always")}: {t("fields.firstName")}, {t("fields.lastName")}, {t("fields.email")}
      </p>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setFeedback(null);
          if (invalid) {
            setFeedback({ tone: "error", text: t("settings.invalid") });
            return;
          }
          // In the catalogue's order, so the forms list the fields the same way every time.
          save.execute({ fields: rows.flatMap((row) => (settings[row.key] ? [settings[row.key]!] : [])) });
        }}
      >
        <ul className="divide-y divide-slate-100">
          {rows.map((row) => {
            const setting = settings[row.key];
            return (
              <li key={row.key} className="grid gap-2 py-3 sm:grid-cols-[14rem_1fr_1fr] sm:items-end">
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input
                    type="checkbox"
                    className="size-4 accent-indigo-600"
                    checked={Boolean(setting)}
                    onChange={(event) => toggle(row, event.target.checked)}
                    aria-label={t("settings.offer", { field: row.label })}
                  />
                  {row.label}
                </label>
                {setting && (
                  <SelectField
                    label={t("settings.prefill", { field: row.label })}
                    value={setting.source}
                    onChange={(event) => change(row.key, { source: event.target.value as FieldSetting["source"] })}
                  >
                    {sourcesFor(row.key).map((source) => (
                      <option key={source} value={source}>
                        {t(`sources.${source}`)}
                      </option>
                    ))}
                  </SelectField>
                )}
                {setting?.source === "fixed" && (
                  <TextField
                    label={t("settings.fixedValue", { field: row.label })}
                    value={setting.fixed ?? ""}
                    type={row.key === "hireDate" || row.type === "date" ? "date" : "text"}
                    error={
                      setting.fixed && fieldValueProblem(row.key, setting.fixed, row.type)
                        ? t(`validation.${fieldValueProblem(row.key, setting.fixed, row.type)}` as "validation.date")
                        : undefined
                    }
                    onChange={(event) => change(row.key, { fixed: event.target.value })}
                  />
                )}
              </li>
            );
          })}
        </ul>
        {customAttributes === null && <p className="text-sm text-slate-600">{t("settings.customUnavailable")}</p>}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("settings.saving") : t("settings.save")}
        </Button>
      </form>
      <div className="space-y-2 border-t border-slate-100 pt-4">
        <h3 className="text-sm font-semibold">{t("settings.lists")}</h3>
        <p className="text-sm text-slate-600">{t("settings.listsIntro")}</p>
        <p className="text-sm" data-testid="personio-lists-status">
          {lists.fetchedAt
            ? t("settings.listsFetched", { when: new Date(lists.fetchedAt).toLocaleString() })
            : t("settings.listsNever")}{" "}
          {lists.counts && t("settings.listsCounts", lists.counts)}
        </p>
        <Button variant="secondary" onClick={() => refresh.execute({})} disabled={refresh.isPending}>
          {refresh.isPending ? t("settings.refreshing") : t("settings.refresh")}
        </Button>
      </div>
    </div>
  );
}
