"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";

import { useActionErrorMessage } from "@/components/action-error";
import { useHandoffFailureMessage } from "@/components/handoff/handoff-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZPersonioEmployeeFields, type TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import type { HandoffResult } from "@/lib/handoff/send";
import type { SendFormData } from "@/lib/handoff/send-form";
import { CORE_FIELDS, fieldForAttribute, type CoreField } from "@/lib/personio-fields/catalogue";

import { ExistingEmployee } from "./existing-employee";
import {
  ExtraFieldInput,
  extraFieldProblems,
  UnavailableFields,
  useFieldFailureMessage,
  useFieldLabel,
} from "./personio-field-inputs";
import { handoffKeys } from "./query-keys";
import { RememberMappings } from "./remember-mappings";
import { chosenDocuments, initialDocumentChoices, SendDocuments, SentDocuments } from "./send-documents";
import { DoneState } from "./send-done-state";
import { SendPreview } from "./send-preview";
import type { Done, Existing, SendReviewProps } from "./send-review-types";
import { useShownOutcome } from "./use-shown-outcome";

// Always sent; the job title and the other optional fields follow the admin's choice.
const FIELDS = CORE_FIELDS;

type FormValues = TPersonioEmployeeFields & { extra: Record<string, string> };
const ZFormValues = ZPersonioEmployeeFields.extend({ extra: z.record(z.string(), z.string()) });

// The review form with its data loaded: send, then the outcome in place of the form.
export function SendReviewForm({
  candidateId,
  defaults,
  actions,
  formData,
  titleId,
  onClose,
  cancelLabel,
  after,
  onDone,
  onFailure,
  onceOnlyNotice,
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
  const [documentChoices, setDocumentChoices] = useState(() => initialDocumentChoices(formData));
  const documents = chosenDocuments(documentChoices);

  const form = useForm<FormValues>({
    resolver: zodResolver(ZFormValues),
    mode: "onChange",
    defaultValues: {
      firstName: formData.defaults.firstName || defaults.firstName,
      lastName: formData.defaults.lastName || defaults.lastName,
      email: formData.defaults.email || defaults.email,
      extra: formData.defaults.extra,
    },
  });
  const values = useWatch({ control: form.control });
  const extraValues = (values.extra ?? {}) as Record<string, string>;
  // Checked as the recruiter types: a value a field does not take, a list value Personio lacks
  // (a prefill Personio does not know is shown here, before Send, never dropped silently).
  const problems = extraFieldProblems(formData.fields, extraValues);
  const hasProblems = Object.keys(problems).length > 0;
  const coreFields = () => {
    const { extra: _extra, ...fields } = form.getValues();
    return fields;
  };

  const queryClient = useQueryClient();
  const onResult = (data: HandoffResult | undefined) => {
    if (!data) return;
    setResult(data);
    // Whatever happened, the next opening reads the form again: a refusal may come from a list
    // Personio has changed (the server has read it anew), and after a send the prefills are moot.
    // Not refetched now: this form stays as the recruiter filled it.
    void queryClient.invalidateQueries({ queryKey: handoffKeys.form(candidateId), refetchType: "none" });
    if (data.outcome === "failed" && data.code === "validation_error" && data.field) {
      const field = fieldForAttribute(data.field);
      if (isCoreField(field)) form.setError(field, { type: "server", message: "personio" }, { shouldFocus: true });
    }
    if (data.outcome === "failed") onFailure?.();
    if (data.outcome === "sent" || data.outcome === "linked") onDone?.(data);
    if (data.outcome === "already_sent") onDone?.({ outcome: "already_sent" });
    if ((data.outcome === "sent" || data.outcome === "linked" || data.outcome === "already_sent") && refreshOnDone) {
      router.refresh();
    }
  };
  const onError = ({ error }: { error: Parameters<typeof describeActionError>[0] }) => {
    setActionError(describeActionError(error));
    onFailure?.();
  };
  const send = useAction(actions.send, { onSuccess: ({ data }) => onResult(data), onError });
  const link = useAction(actions.link, { onSuccess: ({ data }) => onResult(data), onError });
  const isPending = send.isPending || link.isPending;
  useEffect(() => onPendingChange?.(isPending), [isPending, onPendingChange]);

  const shown = useShownOutcome(actions.getHandoffStatus, candidateId, result);
  const done: Done | null =
    shown?.outcome === "sent" || shown?.outcome === "linked"
      ? shown
      : shown?.outcome === "already_sent"
        ? { outcome: "already_sent" }
        : null;
  const existing: Existing | null = shown?.outcome === "existing_employee" ? shown : null;

  // In a dialog that opened before its data arrived, focus sat on the loading state's Cancel
  // button, which this form replaced: focus would fall to <body> and a screen reader announce
  // nothing. The first field takes it instead (the dialog's own opening focus otherwise stands).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const dialog = formRef.current?.closest("dialog");
    if (dialog?.open && !dialog.contains(document.activeElement)) form.setFocus(FIELDS[0]);
  }, [form]);

  // The Send button goes away with the form: move focus to the outcome, so it is neither lost
  // nor left on a button that no longer exists (and a screen reader reads what happened).
  const outcomeKey = done ? done.outcome : existing ? "existing" : null;
  useEffect(() => {
    if (outcomeKey) outcomeRef.current?.focus();
  }, [outcomeKey]);

  const submit = form.handleSubmit(({ extra, ...fields }) => {
    if (hasProblems || !documents) return;
    setResult(null);
    setActionError(null);
    send.execute({ candidateId, fields, extra, documents });
  });

  const fieldError = (name: CoreField) => {
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
        <SentDocuments formData={formData} choices={documentChoices} />
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
          position={extraValues.position ?? ""}
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
              link.execute({
                candidateId,
                employeeId: existing.employee.id,
                fields,
                extra,
                documents: documents ?? [],
              });
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
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5 p-6">
      <header>
        {eyebrow}
        <h2 id={titleId} className="text-lg font-semibold">
          {t("dialogTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </header>

      <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
        {onceOnlyNotice ?? t("onceOnly")}
      </p>

      <fieldset disabled={isPending} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
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
        {formData.fields.map((field) => (
          <ExtraFieldInput
            key={field.key}
            field={field}
            value={extraValues[field.key] ?? ""}
            problem={problems[field.key]}
            onChange={(value) => form.setValue(`extra.${field.key}`, value, { shouldDirty: true })}
          />
        ))}
      </fieldset>
      {formData.canRemember && actions.remember && (
        <RememberMappings formData={formData} values={extraValues} problems={problems} remember={actions.remember} />
      )}
      <UnavailableFields unavailable={formData.unavailable} />
      <SendDocuments formData={formData} choices={documentChoices} onChange={setDocumentChoices} disabled={isPending} />

      <SendPreview
        titleId={titleId}
        rows={[
          ...FIELDS.map((name) => ({ key: name, label: t(`fields.${name}`), value: values[name]?.trim() ?? "" })),
          ...formData.fields.map((field) => ({
            key: field.key,
            label: fieldLabel(field),
            value: shownValue(field.key),
          })),
        ]}
        notSent={formData.notSent}
        unavailable={formData.unavailable}
      />

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
        <Button type="submit" disabled={isPending || hasProblems || !documents}>
          {send.isPending ? t("sending") : t("send")}
        </Button>
      </footer>
    </form>
  );
}

function isCoreField(field: string | undefined): field is CoreField {
  return (CORE_FIELDS as readonly string[]).includes(field ?? "");
}
