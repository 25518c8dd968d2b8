"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";

import { chooseImportLayoutAction } from "@/app/(app)/import/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportStatus } from "@/lib/imports/service";

// Where the data is: the workbook's sheet (the first with data unless chosen) and the header row
// (found below title rows unless chosen). A change reads the file again on the server.
export function LayoutChoice({ status }: { status: ImportStatus }) {
  const t = useTranslations("imports");
  const queryClient = useQueryClient();
  const sheetId = useId();
  const rowId = useId();
  const [headerRow, setHeaderRow] = useState(String(status.headerRow ?? 1));
  const [error, setError] = useState<string | null>(null);
  const choose = useAction(chooseImportLayoutAction, {
    onSuccess: ({ data }) => {
      if (data?.refused) {
        const { refusal, row, sheet, megabytes } = data.refused;
        setError(
          t(`fileErrors.${refusal}` as "fileErrors.no_rows", {
            row: row ?? "?",
            sheet: sheet ?? "",
            megabytes: megabytes ?? 0,
          }),
        );
        return;
      }
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ["import", status.id] });
    },
    onError: () => setError(t("fileErrors.unexpected")),
  });
  const field = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap items-end gap-4">
        {status.sheets.length > 1 && (
          <div className="space-y-1">
            <label htmlFor={sheetId} className="block text-sm font-medium text-slate-700">
              {t("layout.sheet")}
            </label>
            <select
              id={sheetId}
              value={String(status.sheet ?? 0)}
              disabled={choose.isPending}
              onChange={(event) => choose.execute({ importId: status.id, sheet: Number(event.target.value) })}
              className={field}
            >
              {status.sheets.map((name, index) => (
                <option key={index} value={index}>
                  {name || `#${index + 1}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            choose.execute({ importId: status.id, headerRow: Number(headerRow) });
          }}
        >
          <div className="space-y-1">
            <label htmlFor={rowId} className="block text-sm font-medium text-slate-700">
              {t("layout.headerRow")}
            </label>
            <input
              id={rowId}
              type="number"
              min={1}
              value={headerRow}
              onChange={(event) => setHeaderRow(event.target.value)}
              aria-describedby={`${rowId}-hint`}
              className={`${field} w-24`}
            />
          </div>
          <Button
            type="submit"
            variant="secondary"
            disabled={choose.isPending || Number(headerRow) === status.headerRow}
          >
            {t("layout.apply")}
          </Button>
        </form>
      </div>
      <p id={`${rowId}-hint`} className="text-sm text-slate-500">
        {t("layout.headerRowHint")}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
