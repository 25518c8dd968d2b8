"use client";

import { useQuery } from "@tanstack/react-query";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

import { getUpdateFormAction, updateInPersonioAction } from "@/app/(app)/candidates/[candidateId]/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { useHandoffFailureMessage } from "@/components/handoff/handoff-messages";
import {
  ExtraFieldInput,
  extraFieldProblems,
  PersonioWarnings,
  UnavailableFields,
  useFieldFailureMessage,
  useFieldLabel,
} from "@/components/handoff/personio-field-inputs";
import { QueryProvider } from "@/components/query-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { UpdateFormData, UpdateResult } from "@/lib/handoff/update";
import type { ClientIntl } from "@/lib/i18n/client-messages";

type Props = { candidateId: string; open: boolean; onClose: () => void };

export const updateKeys = { form: (candidateId: string) => ["handoff", "update-form", candidateId] as const };

// Loaded on demand, like the send dialog, so it provides its messages itself.
export function UpdateInPersonioDialog({ intl, ...props }: Props & { intl: ClientIntl }) {
  return (
    <NextIntlClientProvider {...intl}>
      <QueryProvider>
        <UpdateDialog {...props} />
      </QueryProvider>
    </NextIntlClientProvider>
  );
}

function UpdateDialog({ candidateId, open, onClose }: Props) {
  const t = useTranslations("personioFields.update");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [isPending, setIsPending] = useState(false);
  const titleId = useId();
  // Read when the dialog opens: what Handoff sent and the version it is at (no Personio call
  // when the lists are cached).
  const formData = useQuery({
    queryKey: updateKeys.form(candidateId),
    queryFn: async () => (await getUpdateFormAction({ candidateId }))?.data?.form ?? null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isPending) onClose();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-2xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {formData.data ? (
        <UpdateForm
          candidateId={candidateId}
          titleId={titleId}
          data={formData.data}
          onClose={onClose}
          onPendingChange={setIsPending}
        />
      ) : (
        <div className="space-y-5 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("title")}
          </h2>
          {formData.isError ? (
            <Alert tone="error">{t("loadFailed")}</Alert>
          ) : formData.data === null ? (
            <Alert tone="info">{t("not_sent")}</Alert>
          ) : (
            <p role="status" className="text-sm text-slate-600">
              {t("loading")}
            </p>
          )}
          <footer className="flex justify-end">
            <Button variant="secondary" onClick={onClose}>
              {t("close")}
            </Button>
          </footer>
        </div>
      )}
    </dialog>
  );
}

const CORE = ["firstName", "lastName"] as const;

function UpdateForm({
  candidateId,
  titleId,
  data,
  onClose,
  onPendingChange,
}: {
  candidateId: string;
  titleId: string;
  data: UpdateFormData;
  onClose: () => void;
  onPendingChange: (pending: boolean) => void;
}) {
  const t = useTranslations("personioFields.update");
  const tHandoff = useTranslations("handoff");
  const router = useRouter();
  const fieldLabel = useFieldLabel();
  const describeActionError = useActionErrorMessage();
  const describeHandoffFailure = useHandoffFailureMessage();
  const describeFieldFailure = useFieldFailureMessage(data.fields);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<Record<string, string>>(data.defaults);
  const [version, setVersion] = useState(data.version);
  // What Personio has from Handoff now: what was sent, then each update on top.
  const [base, setBase] = useState<Record<string, string>>(data.sent);
  const [result, setResult] = useState<UpdateResult | null>(null);
  // After an update whose outcome is unknown: the fields to send again (the same PATCH).
  const [repeat, setRepeat] = useState<string[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);

  const update = useAction(updateInPersonioAction, {
    onSuccess: ({ data: outcome }) => {
      if (!outcome) return;
      setResult(outcome);
      setRepeat(outcome.outcome === "uncertain" ? outcome.changed : []);
      if (outcome.outcome === "updated" || outcome.outcome === "uncertain") {
        // Handoff records the values as sent either way (they may be in Personio).
        setVersion(outcome.version);
        setBase((previous) => ({
          ...previous,
          ...Object.fromEntries(outcome.changed.map((key) => [key, values[key]!.trim()])),
        }));
        if (outcome.outcome === "updated") router.refresh();
      }
    },
    onError: ({ error }) => setActionError(describeActionError(error)),
  });
  useEffect(() => onPendingChange(update.isPending), [update.isPending, onPendingChange]);
  useEffect(() => {
    if (result) outcomeRef.current?.focus();
  }, [result]);

  const label = (key: string) =>
    key === "firstName" || key === "lastName"
      ? tHandoff(`fields.${key}`)
      : fieldLabel(data.fields.find((field) => field.key === key) ?? { key });
  const optionLabel = (key: string, value: string) =>
    data.fields.find((field) => field.key === key)?.options?.find((option) => option.value === value)?.label ?? value;
  const keys = [...CORE, ...data.fields.map((field) => field.key)];
  // The differences against what Personio got from Handoff; an emptied field is not sent (v1's
  // PATCH cannot clear a value), so it is not a change either.
  const changes = keys.flatMap((key) => {
    const next = (values[key] ?? "").trim();
    const before = base[key] ?? "";
    return next && next !== before ? [{ key, before, next }] : [];
  });
  const problems = extraFieldProblems(data.fields, values);
  const coreMissing = CORE.filter((key) => !(values[key] ?? "").trim());
  const blocked = Object.keys(problems).length > 0 || coreMissing.length > 0;

  const execute = (again: string[]) => {
    setResult(null);
    setActionError(null);
    const all = Object.fromEntries(keys.map((key) => [key, values[key] ?? ""]));
    update.execute({
      candidateId,
      version,
      values: { ...all, firstName: values.firstName ?? "", lastName: values.lastName ?? "" },
      repeat: again,
    });
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (blocked || update.isPending || (changes.length === 0 && repeat.length === 0)) return;
    // What may not have reached Personio goes again with any new change.
    execute(repeat);
  };

  const failure =
    result?.outcome === "failed"
      ? (describeFieldFailure(result) ??
        describeHandoffFailure({ outcome: "failed", code: result.code as "unexpected", field: result.field }))
      : null;
  const updated = result?.outcome === "updated" ? result : null;
  const uncertain = result?.outcome === "uncertain" ? result : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-5 p-6">
      <header>
        <h2 id={titleId} className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        {data.status === "LINKED" && <p className="mt-1 text-sm text-slate-600">{t("linkedNote")}</p>}
      </header>

      <fieldset disabled={update.isPending} className="grid gap-4 sm:grid-cols-2">
        {CORE.map((key) => (
          <TextField
            key={key}
            name={`update-${key}`}
            label={label(key)}
            autoComplete="off"
            value={values[key] ?? ""}
            error={coreMissing.includes(key) ? tHandoff("validation.required") : undefined}
            onChange={(event) => setValues((previous) => ({ ...previous, [key]: event.target.value }))}
          />
        ))}
        <TextField
          name="update-email"
          label={tHandoff("fields.email")}
          type="email"
          value={data.email}
          readOnly
          className="bg-slate-100 text-slate-600"
          // Personio's v1 PATCH does not change the email: shown, with the reason, not editable.
          hint={t("emailReadOnly")}
        />
        {data.fields.map((field) => (
          <ExtraFieldInput
            key={field.key}
            field={field}
            value={values[field.key] ?? ""}
            problem={problems[field.key]}
            onChange={(value) => setValues((previous) => ({ ...previous, [field.key]: value }))}
          />
        ))}
      </fieldset>
      <UnavailableFields unavailable={data.unavailable as Parameters<typeof UnavailableFields>[0]["unavailable"]} />

      <section aria-labelledby={`${titleId}-changes`} className="rounded-md bg-slate-50 p-4 text-sm">
        <h3 id={`${titleId}-changes`} className="font-medium">
          {t("changes")}
        </h3>
        {changes.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("noChanges")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left" data-testid="update-changes">
              <thead className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    <span className="sr-only">{t("field")}</span>
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("before")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("after")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.key}>
                    <th scope="row" className="py-1 pr-3 font-medium text-slate-500">
                      {label(change.key)}
                    </th>
                    <td className="break-all py-1 pr-3 text-slate-600 line-through decoration-slate-400">
                      {change.before ? optionLabel(change.key, change.before) : t("empty")}
                    </td>
                    <td className="break-all py-1 font-medium">{optionLabel(change.key, change.next)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div ref={outcomeRef} tabIndex={-1} className="space-y-3 outline-none">
        {actionError ? (
          <Alert tone="error">{actionError}</Alert>
        ) : updated ? (
          <>
            <Alert tone="success">{t("updated", { fields: updated.changed.map(label).join(", ") })}</Alert>
            {updated.warnings && updated.warnings.length > 0 && (
              <PersonioWarnings warnings={updated.warnings} after="update" />
            )}
          </>
        ) : uncertain ? (
          <Alert tone="warning">
            {describeHandoffFailure({ outcome: "failed", code: uncertain.code })}{" "}
            {t("mayHaveApplied", { fields: uncertain.changed.map(label).join(", ") })}
          </Alert>
        ) : result?.outcome === "conflict" ? (
          <Alert tone="error">{t("conflict")}</Alert>
        ) : result?.outcome === "no_changes" ? (
          <Alert tone="info">{t("nothing")}</Alert>
        ) : result?.outcome === "not_sent" ? (
          <Alert tone="error">{t("not_sent")}</Alert>
        ) : failure ? (
          <Alert tone="error">{failure}</Alert>
        ) : null}
      </div>

      <footer className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
          {updated || result?.outcome === "conflict" ? t("close") : t("cancel")}
        </Button>
        {result?.outcome !== "conflict" && (
          <Button type="submit" disabled={update.isPending || blocked || (changes.length === 0 && repeat.length === 0)}>
            {update.isPending ? t("sending") : changes.length === 0 && repeat.length > 0 ? t("sendAgain") : t("send")}
          </Button>
        )}
      </footer>
    </form>
  );
}
