"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";

import {
  getHandoffStatusAction,
  getSendFormAction,
  linkToPersonioAction,
  sendToPersonioAction,
} from "@/app/(app)/candidates/[candidateId]/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { useHandoffFailureMessage } from "@/components/handoff/handoff-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import {
  PERSONIO_FIELD_TO_FORM_FIELD,
  ZPersonioEmployeeFields,
  type TPersonioEmployeeFields,
} from "@/lib/handoff/schemas";
import type { HandoffResult } from "@/lib/handoff/send";
import type { SendFormData } from "@/lib/handoff/send-form";

import {
  ExtraFieldInput,
  extraFieldProblems,
  PersonioWarnings,
  UnavailableFields,
  useFieldFailureMessage,
  useFieldLabel,
} from "./personio-field-inputs";

// Always sent; the job title and the other optional fields follow the admin's choice.
const FIELDS = ["firstName", "lastName", "email"] as const;

export const handoffKeys = {
  status: (candidateId: string) => ["handoff", "status", candidateId] as const,
  form: (candidateId: string) => ["handoff", "form", candidateId] as const,
};

type FormValues = TPersonioEmployeeFields & { extra: Record<string, string> };
const ZFormValues = ZPersonioEmployeeFields.extend({ extra: z.record(z.string(), z.string()) });

type Done = Extract<HandoffResult, { outcome: "sent" | "linked" }> | { outcome: "already_sent" };
type Existing = Extract<HandoffResult, { outcome: "existing_employee" }>;

export type SendReviewProps = {
  candidateId: string;
  defaults: TPersonioEmployeeFields;
  /** The id of the heading that names the surrounding dialog or step. */
  titleId: string;
  /** Cancel before a send, Close after it. */
  onClose: () => void;
  /** What Cancel is called here (Review & send: Skip). */
  cancelLabel?: string;
  /** In Review & send: what comes after this candidate's outcome (Next candidate / Finish). */
  after?: { label: string; onSelect: () => void };
  /** Told when an outcome ends this candidate's review (sent, linked, already sent). */
  onDone?: (result: Done) => void;
  /** Told while a send or link is in flight, so the surrounding dialog can refuse to close. */
  onPendingChange?: (pending: boolean) => void;
  /** Extra text under the title (Review & send: "Candidate 2 of 3"). */
  eyebrow?: ReactNode;
  /** Re-render the page after an outcome (the profile's badge and menu); Review & send does not. */
  refreshOnDone?: boolean;
};

// Review one candidate's details, send them once, and show the outcome: the form, then either
// a done state (what was created, the Personio id and link), the existing employee beside the
// profile with one action (link), or a failure with what to do next.
export function SendReview(props: SendReviewProps) {
  const { candidateId, titleId, onClose, cancelLabel, eyebrow } = props;
  const t = useTranslations("handoff");
  const tFields = useTranslations("personioFields");
  // The chosen fields, their prefills and Personio's lists: from the database when cached.
  const formData = useQuery({
    queryKey: handoffKeys.form(candidateId),
    queryFn: async () => (await getSendFormAction({ candidateId }))?.data?.form ?? null,
    staleTime: Infinity,
    retry: false,
  });
  if (formData.data) return <SendReviewForm {...props} formData={formData.data} />;
  return (
    <div className="space-y-5 p-6">
      <header>
        {eyebrow}
        <h2 id={titleId} className="text-lg font-semibold">
          {t("dialogTitle")}
        </h2>
      </header>
      {formData.isError || formData.data === null ? (
        <Alert tone="error">{tFields("loadFailed")}</Alert>
      ) : (
        <p role="status" className="text-sm text-slate-600">
          {tFields("loading")}
        </p>
      )}
      <footer className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {cancelLabel ?? t("cancel")}
        </Button>
      </footer>
    </div>
  );
}

function SendReviewForm({
  candidateId,
  defaults,
  formData,
  titleId,
  onClose,
  cancelLabel,
  after,
  onDone,
  onPendingChange,
  eyebrow,
  refreshOnDone = true,
}: SendReviewProps & { formData: SendFormData }) {
  const t = useTranslations("handoff");
  const router = useRouter();
  const fieldLabel = useFieldLabel();
  const describeActionError = useActionErrorMessage();
  const describeHandoffFailure = useHandoffFailureMessage();
  const describeFieldFailure = useFieldFailureMessage(formData.fields);
  const describeFailure: typeof describeHandoffFailure = (failure) =>
    describeFieldFailure(failure) ?? describeHandoffFailure(failure);
  const [result, setResult] = useState<HandoffResult | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const offersPosition = formData.fields.some((field) => field.key === "position");
  const form = useForm<FormValues>({
    resolver: zodResolver(ZFormValues),
    mode: "onChange",
    defaultValues: {
      firstName: formData.defaults.firstName || defaults.firstName,
      lastName: formData.defaults.lastName || defaults.lastName,
      email: formData.defaults.email || defaults.email,
      // Only when the admin chose the job title; otherwise it is not sent.
      position: offersPosition ? formData.defaults.position : "",
      extra: formData.defaults.extra,
    },
  });
  const values = useWatch({ control: form.control });
  const extraValues = { ...(values.extra ?? {}), position: values.position ?? "" } as Record<string, string>;
  // Checked as the recruiter types: a value a field does not take, a list value Personio lacks
  // (a prefill Personio does not know is shown here, before Send, never dropped silently).
  const problems = extraFieldProblems(formData.fields, extraValues);
  const hasProblems = Object.keys(problems).length > 0;
  const coreFields = () => {
    const { extra: _extra, ...fields } = form.getValues();
    return fields;
  };

  const onResult = (data: HandoffResult | undefined) => {
    if (!data) return;
    setResult(data);
    if (data.outcome === "failed" && data.code === "validation_error" && data.field) {
      const field = PERSONIO_FIELD_TO_FORM_FIELD[data.field];
      if (field) form.setError(field, { type: "server", message: "personio" }, { shouldFocus: true });
    }
    if (data.outcome === "sent" || data.outcome === "linked") onDone?.(data);
    if (data.outcome === "already_sent") onDone?.({ outcome: "already_sent" });
    if ((data.outcome === "sent" || data.outcome === "linked" || data.outcome === "already_sent") && refreshOnDone) {
      router.refresh();
    }
  };
  const onError = ({ error }: { error: Parameters<typeof describeActionError>[0] }) =>
    setActionError(describeActionError(error));
  const send = useAction(sendToPersonioAction, { onSuccess: ({ data }) => onResult(data), onError });
  const link = useAction(linkToPersonioAction, { onSuccess: ({ data }) => onResult(data), onError });
  const isPending = send.isPending || link.isPending;
  useEffect(() => onPendingChange?.(isPending), [isPending, onPendingChange]);

  // Someone else's send of this candidate is in flight: watch it until it ends, then show that.
  const watching = result?.outcome === "in_progress";
  const status = useQuery({
    queryKey: handoffKeys.status(candidateId),
    queryFn: async () => {
      const current = (await getHandoffStatusAction({ candidateId }))?.data?.status ?? null;
      if (current !== "SENDING") router.refresh();
      return current;
    },
    enabled: watching,
    refetchInterval: (query) => (query.state.data === "SENDING" || query.state.data === undefined ? 1000 : false),
    staleTime: 0,
  });
  const finished = watching && status.data !== undefined && status.data !== "SENDING";
  // Done by the other person: "already sent"; failed for them: this person may try again.
  const shown: HandoffResult | null = finished
    ? status.data === "SENT" || status.data === "LINKED"
      ? { outcome: "already_sent" }
      : null
    : result;
  const done: Done | null =
    shown?.outcome === "sent" || shown?.outcome === "linked"
      ? shown
      : shown?.outcome === "already_sent"
        ? { outcome: "already_sent" }
        : null;
  const existing: Existing | null = shown?.outcome === "existing_employee" ? shown : null;

  // The Send button goes away with the form: move focus to the outcome, so it is neither lost
  // nor left on a button that no longer exists (and a screen reader reads what happened).
  const outcomeKey = done ? done.outcome : existing ? "existing" : null;
  useEffect(() => {
    if (outcomeKey) outcomeRef.current?.focus();
  }, [outcomeKey]);

  const submit = form.handleSubmit(({ extra, ...fields }) => {
    if (hasProblems) return;
    setResult(null);
    setActionError(null);
    send.execute({ candidateId, fields, extra });
  });

  const fieldError = (name: (typeof FIELDS)[number] | "position") => {
    const message = form.formState.errors[name]?.message;
    if (!message) return undefined;
    if (message === "personio") return t("errors.validation_error_field", { field: name });
    return t(`validation.${message}` as "validation.required");
  };

  // A list value as Personio labels it (a supervisor's name rather than their id).
  const shownValue = (key: string) => {
    const value = (extraValues[key] ?? "").trim();
    return (
      formData.fields.find((field) => field.key === key)?.options?.find((option) => option.value === value)?.label ??
      value
    );
  };
  // What went to Personio, for the done state: the always-sent fields, then each chosen one.
  const sentRows = () => [
    ...FIELDS.map((name) => ({ key: name, label: t(`fields.${name}`), value: (form.getValues(name) ?? "").trim() })),
    ...formData.fields.map((field) => ({ key: field.key, label: fieldLabel(field), value: shownValue(field.key) })),
  ];

  const closeButton = (
    <Button variant={after ? "secondary" : "primary"} onClick={onClose}>
      {t("close")}
    </Button>
  );

  if (done) {
    return (
      <div className="space-y-5 p-6">
        {eyebrow}
        <DoneState ref={outcomeRef} titleId={titleId} done={done} fields={coreFields()} rows={sentRows()} />
        <footer className="flex flex-wrap justify-end gap-2">
          {closeButton}
          {after && <Button onClick={after.onSelect}>{after.label}</Button>}
        </footer>
      </div>
    );
  }

  if (existing) {
    return (
      <div className="space-y-5 p-6">
        {eyebrow}
        <ExistingEmployee
          ref={outcomeRef}
          titleId={titleId}
          existing={existing}
          fields={coreFields()}
          error={actionError ?? (shown?.outcome === "failed" ? describeFailure(shown) : null)}
        />
        <footer className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={isPending}>
            {cancelLabel ?? t("cancel")}
          </Button>
          <Button
            onClick={() => {
              setActionError(null);
              const { extra, ...fields } = form.getValues();
              link.execute({ candidateId, employeeId: existing.employee.id, fields, extra });
            }}
            disabled={isPending}
          >
            {link.isPending ? t("existing.linking") : t("existing.link")}
          </Button>
        </footer>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5 p-6">
      <header>
        {eyebrow}
        <h2 id={titleId} className="text-lg font-semibold">
          {t("dialogTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>

      <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">{t("onceOnly")}</p>

      <fieldset disabled={isPending} className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((name) => (
          <TextField
            key={name}
            label={t(`fields.${name}`)}
            type={name === "email" ? "email" : "text"}
            autoComplete="off"
            error={fieldError(name)}
            {...form.register(name)}
          />
        ))}
        {formData.fields.map((field) =>
          field.key === "position" ? (
            <TextField
              key={field.key}
              label={t("fields.position")}
              autoComplete="off"
              hint={t("positionHint")}
              error={fieldError("position") ?? (problems.position ? t("validation.tooLong") : undefined)}
              {...form.register("position")}
            />
          ) : (
            <ExtraFieldInput
              key={field.key}
              field={field}
              value={extraValues[field.key] ?? ""}
              problem={problems[field.key]}
              onChange={(value) => form.setValue(`extra.${field.key}`, value, { shouldDirty: true })}
            />
          ),
        )}
      </fieldset>
      <UnavailableFields unavailable={formData.unavailable} />

      <section aria-labelledby={`${titleId}-preview`} className="rounded-md bg-slate-50 p-4 text-sm">
        <h3 id={`${titleId}-preview`} className="font-medium">
          {t("preview")}
        </h3>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          {FIELDS.map((name) => (
            <div key={name} className="contents">
              <dt className="text-slate-500">{t(`fields.${name}`)}</dt>
              <dd className="break-all" data-testid={`preview-${name}`}>
                {values[name]?.trim() || t("previewEmpty")}
              </dd>
            </div>
          ))}
          {formData.fields.map((field) => (
            <div key={field.key} className="contents">
              <dt className="text-slate-500">{fieldLabel(field)}</dt>
              <dd className="break-all" data-testid={`preview-${field.key}`}>
                {shownValue(field.key) || t("previewEmpty")}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {actionError ? (
        <Alert tone="error">{actionError}</Alert>
      ) : shown?.outcome === "failed" ? (
        <Alert tone="error">{describeFailure(shown)}</Alert>
      ) : shown?.outcome === "in_progress" ? (
        <Alert tone="info">{t("inProgress")}</Alert>
      ) : null}

      <footer className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={isPending}>
          {cancelLabel ?? t("cancel")}
        </Button>
        <Button type="submit" disabled={isPending || hasProblems}>
          {send.isPending ? t("sending") : t("send")}
        </Button>
      </footer>
    </form>
  );
}

function fullName(fields: { firstName?: string; lastName?: string }) {
  return [fields.firstName, fields.lastName].filter(Boolean).join(" ");
}

function PersonioLink({ href }: { href: string | null }) {
  const t = useTranslations("sendOutcome");
  if (!href) return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="inline-flex items-center gap-1 font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
    >
      {t("openInPersonio")}
      <span aria-hidden="true">↗</span>
      <span className="sr-only">{t("opensInNewTab")}</span>
    </a>
  );
}

type SentRow = { key: string; label: string; value: string };

function DoneState({
  ref,
  titleId,
  done,
  fields,
  rows,
}: {
  ref: React.Ref<HTMLDivElement>;
  titleId: string;
  done: Done;
  fields: TPersonioEmployeeFields;
  rows: SentRow[];
}) {
  const t = useTranslations("sendOutcome");
  const tHandoff = useTranslations("handoff");
  const name = fullName(fields);
  if (done.outcome === "already_sent") {
    return (
      <div ref={ref} tabIndex={-1} className="space-y-2 outline-none">
        <h2 id={titleId} className="text-lg font-semibold">
          {t("alreadySentTitle")}
        </h2>
        <Alert tone="info">{tHandoff("alreadySent")}</Alert>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} className="space-y-4 outline-none" data-testid="send-done">
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-emerald-700 text-white"
        >
          ✓
        </span>
        <div>
          <h2 id={titleId} className="text-lg font-semibold">
            {done.outcome === "sent" ? t("sentTitle", { name }) : t("linkedTitle", { name })}
          </h2>
          <p role="status" className="mt-1 text-sm font-medium text-emerald-800">
            {done.outcome === "sent" ? tHandoff("sent") : tHandoff("linked")}
          </p>
          <p className="mt-1 text-sm text-slate-700">{done.outcome === "sent" ? t("sentBody") : t("linkedBody")}</p>
        </div>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-4 text-sm">
        <dt className="text-slate-500">{t("personioId")}</dt>
        <dd data-testid="personio-employee-id">{done.employeeId}</dd>
        {done.outcome === "sent" &&
          rows.map((row) => (
            <div key={row.key} className="contents">
              <dt className="text-slate-500">{row.label}</dt>
              <dd className="break-all" data-testid={`sent-${row.key}`}>
                {row.value || tHandoff("previewEmpty")}
              </dd>
            </div>
          ))}
      </dl>
      {"warnings" in done && done.warnings && done.warnings.length > 0 && <PersonioWarnings warnings={done.warnings} />}
      <PersonioLink href={done.employeeUrl} />
    </div>
  );
}

function ExistingEmployee({
  ref,
  titleId,
  existing,
  fields,
  error,
}: {
  ref: React.Ref<HTMLDivElement>;
  titleId: string;
  existing: Existing;
  fields: TPersonioEmployeeFields;
  error: string | null;
}) {
  const t = useTranslations("sendOutcome");
  const tHandoff = useTranslations("handoff");
  const { employee } = existing;
  const rows: Array<{ label: string; profile: string; personio: string | undefined }> = [
    { label: t("name"), profile: fullName(fields), personio: fullName(employee) || undefined },
    { label: tHandoff("fields.email"), profile: fields.email, personio: fields.email },
    { label: tHandoff("fields.position"), profile: fields.position ?? "", personio: employee.position },
  ];
  const normal = (value: string) => value.trim().toLowerCase();
  return (
    <div ref={ref} tabIndex={-1} className="space-y-4 outline-none">
      <div>
        <h2 id={titleId} className="text-lg font-semibold">
          {t("compareTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("compareIntro")}</p>
        {existing.previousAttemptUncertain && (
          <p className="mt-1 text-sm text-slate-600">{tHandoff("existing.uncertain")}</p>
        )}
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t("compareField")}</span>
              </th>
              <th scope="col" className="px-3 py-2">
                {t("compareProfile")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("comparePersonio", { id: employee.id })}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => {
              const differs = row.personio !== undefined && normal(row.personio) !== normal(row.profile);
              return (
                <tr key={row.label}>
                  <th scope="row" className="px-3 py-2 font-medium text-slate-500">
                    {row.label}
                  </th>
                  <td className="break-all px-3 py-2">{row.profile || "—"}</td>
                  <td className="break-all px-3 py-2">
                    {row.personio === undefined ? (
                      <span className="text-slate-500">{t("unknown")}</span>
                    ) : (
                      row.personio || "—"
                    )}
                    {differs && (
                      <span className="ml-2 inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                        {t("differs")}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <PersonioLink href={existing.employeeUrl} />
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
