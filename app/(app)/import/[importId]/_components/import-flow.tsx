"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { LayoutChoice } from "@/app/(app)/import/[importId]/_components/layout-choice";
import {
  discardImportAction,
  listRejectionsAction,
  previewImportAction,
  startImportAction,
} from "@/app/(app)/import/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { candidateFields } from "@/lib/candidates/fields";
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ColumnMapping, type ImportField } from "@/lib/imports/fields";
import type { ImportStatus } from "@/lib/imports/service";

import { ImportRowsTable } from "./import-rows-table";

async function fetchStatus(importId: string): Promise<ImportStatus> {
  const response = await fetch(`/api/imports/${importId}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return (await response.json()) as ImportStatus;
}

export function ImportFlow({ initial }: { initial: ImportStatus }) {
  // The server works through the file; the page only watches, so a reload or a closed tab
  // loses nothing and picks the progress up from the database.
  const status = useQuery({
    queryKey: ["import", initial.id],
    queryFn: () => fetchStatus(initial.id),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.status === "QUEUED" || query.state.data?.status === "RUNNING" ? 1000 : false,
  });
  const current = status.data;
  // A new sheet or header row brings new columns: the mapping starts again from them.
  if (current.status === "UPLOADED")
    return <MappingStep key={`${current.sheet}:${current.headerRow}`} status={current} />;
  if (current.status === "QUEUED" || current.status === "RUNNING") return <ProgressStep status={current} />;
  return <ReportStep status={current} />;
}

function delimiterName(delimiter: string | null) {
  return delimiter === ";" ? "semicolon" : delimiter === "\t" ? "tab" : "comma";
}

function MappingStep({ status }: { status: ImportStatus }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const queryClient = useQueryClient();
  const describeError = useActionErrorMessage();
  const sourceId = useId();
  const [mapping, setMapping] = useState<ColumnMapping>(status.mapping);
  const [externalSource, setExternalSource] = useState(status.externalSource);
  const [error, setError] = useState<string | null>(null);
  const sourceValid = candidateFields.externalSource.safeParse(externalSource).success;

  const preview = useQuery({
    queryKey: ["import-preview", status.id, status.sheet, status.headerRow, mapping],
    queryFn: async () => {
      const result = await previewImportAction({ importId: status.id, mapping });
      if (!result?.data) throw new Error("preview failed");
      return result.data;
    },
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const start = useAction(startImportAction, {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["import", status.id] }),
    onError: ({ error: result }) =>
      setError(
        describeError(result, {
          mapping_incomplete: t("errors.mapping_incomplete"),
          import_started: t("errors.import_started"),
        }),
      ),
  });
  const discard = useAction(discardImportAction, { onSuccess: () => router.push("/import") });

  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined);
  const data = preview.data;
  const importable = data ? data.totalRows - data.rowsWithProblems : 0;
  const format =
    status.format === "xlsx"
      ? "Excel (.xlsx)"
      : `CSV, ${t(`delimiters.${delimiterName(status.delimiter)}` as "delimiters.comma")}, ${t(`encodings.${status.encoding ?? "utf-8"}` as "encodings.utf-8")}`;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold break-words">{status.fileName}</h1>
        <p className="mt-1 text-slate-600">{t("fileFacts", { rows: status.totalRows, format })}</p>
        <p className="mt-1 text-sm text-slate-500">{t("preview.nothingWritten")}</p>
        <LayoutChoice status={status} />
      </div>

      <section aria-labelledby="mapping-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="mapping-heading" className="text-lg font-semibold">
          {t("mapping.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("mapping.intro")}</p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {IMPORT_FIELDS.map((field) => (
            <FieldSelect
              key={field}
              field={field}
              headers={status.headers}
              value={mapping[field]}
              onChange={(index) =>
                setMapping((previous) => {
                  const next = { ...previous };
                  if (index === undefined) delete next[field];
                  else next[field] = index;
                  return next;
                })
              }
            />
          ))}
          <div className="space-y-1">
            <label htmlFor={sourceId} className="block text-sm font-medium text-slate-700">
              {t("mapping.source")}
            </label>
            <input
              id={sourceId}
              value={externalSource}
              onChange={(event) => setExternalSource(event.target.value)}
              aria-invalid={sourceValid ? undefined : true}
              aria-describedby={`${sourceId}-hint`}
              className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm ${sourceValid ? "border-slate-300" : "border-red-500"}`}
            />
            <p id={`${sourceId}-hint`} className={`text-xs ${sourceValid ? "text-slate-500" : "text-red-700"}`}>
              {sourceValid ? t("mapping.sourceHint") : t("mapping.sourceInvalid")}
            </p>
          </div>
        </div>
        {missing.length > 0 && (
          <div className="mt-4">
            <Alert tone="warning">
              {t("mapping.missing", { fields: missing.map((field) => t(`fields.${field}`)).join(", ") })}
            </Alert>
          </div>
        )}
      </section>

      <section aria-labelledby="preview-heading" className="space-y-3">
        <h2 id="preview-heading" className="text-lg font-semibold">
          {t("preview.title")}
        </h2>
        {!data ? (
          <p role="status" className="text-sm text-slate-600">
            {t("preview.loading")}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700" data-testid="preview-summary">
              {t("preview.summary", { total: data.totalRows, problems: data.rowsWithProblems })}
            </p>
            {data.rowsWithProblems > 0 && (
              <ul className="flex flex-wrap gap-2 text-xs">
                {Object.entries(data.problemCounts).map(([problem, count]) => (
                  <li key={problem} className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900">
                    {t("preview.problemCount", {
                      problem: t(`problems.${problem}` as "problems.missing_email"),
                      count,
                    })}
                  </li>
                ))}
              </ul>
            )}
            <p className="text-sm text-slate-600">{t("preview.firstRows", { count: data.rows.length })}</p>
            <p className="text-sm text-slate-600">{t("preview.mappedOnly")}</p>
            <ImportRowsTable
              headers={data.headers}
              mapping={data.mapping}
              rows={data.rows}
              testIdPrefix="preview-row"
            />
          </>
        )}
      </section>

      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-3">
        <Button
          disabled={!data || missing.length > 0 || !sourceValid || start.isPending || preview.isFetching}
          onClick={() => {
            setError(null);
            start.execute({ importId: status.id, mapping, externalSource });
          }}
        >
          {start.isPending ? t("starting") : t("start", { count: importable })}
        </Button>
        <Button
          variant="secondary"
          disabled={discard.isPending || start.isPending}
          onClick={() => discard.execute({ importId: status.id })}
        >
          {t("discard")}
        </Button>
      </div>
    </div>
  );
}

function FieldSelect({
  field,
  headers,
  value,
  onChange,
}: {
  field: ImportField;
  headers: string[];
  value: number | undefined;
  onChange: (index: number | undefined) => void;
}) {
  const t = useTranslations("imports");
  const id = useId();
  const required = REQUIRED_IMPORT_FIELDS.includes(field);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t(`fields.${field}`)}
        {required && <span className="ml-1 text-xs font-normal text-slate-500">({t("mapping.required")})</span>}
      </label>
      <select
        id={id}
        value={value === undefined ? "" : String(value)}
        onChange={(event) => onChange(event.target.value === "" ? undefined : Number(event.target.value))}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
      >
        <option value="">{t("mapping.notImported")}</option>
        {headers.map((header, index) => (
          <option key={index} value={index}>
            {header || `#${index + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function ProgressStep({ status }: { status: ImportStatus }) {
  const t = useTranslations("imports");
  const percent = status.totalRows > 0 ? Math.min(100, Math.round((status.processedRows / status.totalRows) * 100)) : 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold break-words">{t("progress.title", { name: status.fileName })}</h1>
      <div className="space-y-2">
        <div
          role="progressbar"
          aria-label={t("progress.label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm text-slate-700">
          {t("progress.rows", { processed: status.processedRows, total: status.totalRows })} · {percent} %
        </p>
      </div>
      <Alert tone="info">{t("progress.leave")}</Alert>
    </div>
  );
}

function ReportStep({ status }: { status: ImportStatus }) {
  const t = useTranslations("imports");
  const rejections = useQuery({
    queryKey: ["import-rejections", status.id],
    queryFn: async () => (await listRejectionsAction({ importId: status.id }))?.data ?? [],
    enabled: status.counts.rejected > 0,
    staleTime: Infinity,
  });
  const { counts } = status;
  const tiles: Array<[string, number]> = [
    [t("report.created"), counts.created],
    [t("report.updated"), counts.updated],
    [t("report.unchanged"), counts.unchanged],
    [t("report.rejected"), counts.rejected],
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("report.title")}</h1>
        <p className="mt-1 break-words text-slate-600">{status.fileName}</p>
      </div>
      {status.status === "FAILED" && <Alert tone="error">{t("report.failed")}</Alert>}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4" data-testid="import-report">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      {counts.keptInPersonio > 0 && (
        <Alert tone="info">{t("report.keptInPersonio", { count: counts.keptInPersonio })}</Alert>
      )}
      {/* "Nothing changed" only when nothing was rejected either: beside rejected rows it read as "all fine". */}
      {status.status === "DONE" && counts.created === 0 && counts.updated === 0 && counts.rejected === 0 && (
        <Alert tone="success">{t("report.nothingChanged")}</Alert>
      )}
      {status.status === "DONE" && counts.created === 0 && counts.updated === 0 && counts.rejected > 0 && (
        <Alert tone="warning">
          {t("report.unchangedWithRejected", { unchanged: counts.unchanged, rejected: counts.rejected })}
        </Alert>
      )}
      {counts.rejected > 0 && (
        <section aria-labelledby="rejected-heading" className="space-y-3">
          <h2 id="rejected-heading" className="text-lg font-semibold">
            {t("report.rejectedTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("report.rejectedIntro")}</p>
          <a href={`/api/imports/${status.id}/rejected`} download className={buttonClassName("secondary")}>
            {t("report.download")}
          </a>
          {rejections.data && (
            <ImportRowsTable
              headers={status.headers}
              mapping={status.mapping}
              rows={rejections.data.map((row) => ({ ...row, problems: row.reasons }))}
              testIdPrefix="rejected-row"
            />
          )}
          {rejections.data && counts.rejected > rejections.data.length && (
            <p className="text-sm text-slate-600">
              {t("report.moreRejected", { shown: rejections.data.length, total: counts.rejected })}
            </p>
          )}
        </section>
      )}
      <Link href="/import" className={buttonClassName("primary")}>
        {t("report.another")}
      </Link>
    </div>
  );
}
