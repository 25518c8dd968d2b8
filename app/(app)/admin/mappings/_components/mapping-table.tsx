"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { deleteValueMappingAction } from "@/app/(app)/admin/mappings/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { useFieldLabel } from "@/components/handoff/personio-field-inputs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";

import { MappingForm, type FieldOption, type SourceOption } from "./mapping-form";

export type MappingRow = {
  id: string;
  source: string;
  sourceLabel: string;
  fieldKey: string;
  atsValue: string;
  personioValue: string;
  /** Personio no longer has the value: hires mapped through it wait in To send. */
  isStale: boolean;
};

type Props = { mappings: MappingRow[]; sources: SourceOption[]; fields: FieldOption[]; empty: string };

export function MappingTable({ mappings, sources, fields, empty }: Props) {
  const t = useTranslations("mappings");
  const fieldLabel = useFieldLabel();
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<MappingRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = useAction(deleteValueMappingAction, {
    onSuccess: () => {
      setDeleting(null);
      router.refresh();
    },
    onError: ({ error: failure }) => {
      setDeleting(null);
      setError(describeError(failure));
    },
  });

  if (mappings.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <Table stackBelowMd>
        <caption className="sr-only">{t("title")}</caption>
        <TableHead>
          <HeaderCell>{t("atsValue")}</HeaderCell>
          <HeaderCell>{t("personioValue")}</HeaderCell>
          <HeaderCell>{t("field")}</HeaderCell>
          <HeaderCell>{t("source")}</HeaderCell>
          <HeaderCell>
            <span className="sr-only">{t("actions")}</span>
          </HeaderCell>
        </TableHead>
        <TableBody>
          {mappings.map((mapping) =>
            editing === mapping.id ? (
              <tr key={mapping.id}>
                <td colSpan={5} className="p-3">
                  <MappingForm
                    sources={sources}
                    fields={fields}
                    mappingId={mapping.id}
                    initial={mapping}
                    onDone={() => setEditing(null)}
                    onCancel={() => setEditing(null)}
                  />
                </td>
              </tr>
            ) : (
              <tr key={mapping.id} data-testid="mapping-row">
                <RowHeaderCell>{mapping.atsValue}</RowHeaderCell>
                <Cell>
                  {mapping.personioValue}
                  {mapping.isStale && <span className="mt-1 block text-xs font-medium text-red-800">{t("stale")}</span>}
                </Cell>
                <Cell>
                  {fieldLabel({ key: mapping.fieldKey, label: fields.find((f) => f.key === mapping.fieldKey)?.label })}
                </Cell>
                <Cell>{mapping.sourceLabel}</Cell>
                <Cell>
                  {/* The buttons name the value, which can be long: they wrap on a phone. */}
                  <div className="flex flex-wrap justify-end gap-2">
                    <Button variant="secondary" className="max-w-full" onClick={() => setEditing(mapping.id)}>
                      {t("edit", { ats: mapping.atsValue })}
                    </Button>
                    <Button variant="secondary" className="max-w-full" onClick={() => setDeleting(mapping)}>
                      {t("delete", { ats: mapping.atsValue })}
                    </Button>
                  </div>
                </Cell>
              </tr>
            ),
          )}
        </TableBody>
      </Table>
      <ConfirmDialog
        open={deleting !== null}
        title={t("deleteTitle")}
        confirmLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
        tone="danger"
        pending={remove.isPending}
        onConfirm={() => deleting && remove.execute({ id: deleting.id })}
        onCancel={() => setDeleting(null)}
      >
        {deleting && t("deleteBody", { ats: deleting.atsValue, personio: deleting.personioValue })}
      </ConfirmDialog>
    </div>
  );
}
