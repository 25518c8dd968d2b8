"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";

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
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZUpdateInPersonioInput } from "@/lib/handoff/schemas";
import type { UpdateFormData, UpdateResult } from "@/lib/handoff/update";

import { updateInPersonioAction } from "../actions";
import { UpdateChanges } from "./update-changes";

const CORE = ["firstName", "lastName"] as const;

// The rules are the update action's own (the names as the review form checks them); each chosen
// field's value is also checked against its field below, and again on the server.
const ZUpdateFormValues = z.object({ values: ZUpdateInPersonioInput.shape.values });
type UpdateFormValues = z.infer<typeof ZUpdateFormValues>;

type Props = {
  candidateId: string;
  titleId: string;
  data: UpdateFormData;
  onClose: () => void;
  onPendingChange: (pending: boolean) => void;
};

// What Handoff sent, editable; the differences before sending; one PATCH of just those.
export function UpdateInPersonioForm({ candidateId, titleId, data, onClose, onPendingChange }: Props) {
  const t = useTranslations("personioFields.update");
  const tHandoff = useTranslations("handoff");
  const router = useRouter();
  const fieldLabel = useFieldLabel();
  const describeActionError = useActionErrorMessage();
  const describeHandoffFailure = useHandoffFailureMessage();
  const describeFieldFailure = useFieldFailureMessage(data.fields);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const form = useForm<UpdateFormValues>({
    resolver: zodResolver(ZUpdateFormValues),
    mode: "onChange",
    defaultValues: {
      values: {
        ...Object.fromEntries(data.fields.map((field) => [field.key, data.defaults[field.key] ?? ""])),
        firstName: data.defaults.firstName ?? "",
        lastName: data.defaults.lastName ?? "",
      },
    },
  });
  const watched = useWatch({ control: form.control });
  const values = (watched.values ?? {}) as Record<string, string>;
  const [version, setVersion] = useState(data.version);
  // What Personio has from Handoff now: what was sent, then each update on top.
  const [base, setBase] = useState<Record<string, string>>(data.sent);
  const [result, setResult] = useState<UpdateResult | null>(null);
  // After an update whose outcome is unknown: the fields to send again (the same PATCH).
  const [repeat, setRepeat] = useState<string[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);

  const update = useAction(updateInPersonioAction, {
    onSuccess: ({ data: outcome, input }) => {
      if (!outcome) return;
      setResult(outcome);
      setRepeat(outcome.outcome === "uncertain" ? outcome.changed : []);
      if (outcome.outcome === "updated" || outcome.outcome === "uncertain") {
        // Handoff records the values as sent either way (they may be in Personio).
        setVersion(outcome.version);
        setBase((previous) => ({
          ...previous,
          ...Object.fromEntries(outcome.changed.map((key) => [key, (input.values[key] ?? "").trim()])),
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
  const keys = [...CORE, ...data.fields.map((field) => field.key)];
  // The differences against what Personio got from Handoff; an emptied field is not sent (v1's
  // PATCH cannot clear a value), so it is not a change either.
  const changes = keys.flatMap((key) => {
    const next = (values[key] ?? "").trim();
    const before = base[key] ?? "";
    return next && next !== before ? [{ key, before, next }] : [];
  });
  const problems = extraFieldProblems(data.fields, values);
  const blocked = Object.keys(problems).length > 0 || !form.formState.isValid;

  const nothingToSend = changes.length === 0 && repeat.length === 0;
  const submit = form.handleSubmit(({ values: entered }) => {
    if (blocked || nothingToSend || update.isPending) return;
    setResult(null);
    setActionError(null);
    // What may not have reached Personio goes again with any new change.
    update.execute({ candidateId, version, values: entered, repeat });
  });

  const coreError = (key: (typeof CORE)[number]) => {
    const message = form.formState.errors.values?.[key]?.message;
    return message ? tHandoff(`validation.${message}` as "validation.required") : undefined;
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

      <fieldset disabled={update.isPending} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {CORE.map((key) => (
          <TextField
            key={key}
            label={label(key)}
            autoComplete="off"
            error={coreError(key)}
            {...form.register(`values.${key}`)}
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
            onChange={(value) =>
              form.setValue(`values.${field.key}`, value, { shouldDirty: true, shouldValidate: true })
            }
          />
        ))}
      </fieldset>
      <UnavailableFields unavailable={data.unavailable as Parameters<typeof UnavailableFields>[0]["unavailable"]} />

      <UpdateChanges titleId={titleId} changes={changes} fields={data.fields} label={label} />

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
          <Button type="submit" disabled={update.isPending || blocked || nothingToSend}>
            {update.isPending ? t("sending") : changes.length === 0 && repeat.length > 0 ? t("sendAgain") : t("send")}
          </Button>
        )}
      </footer>
    </form>
  );
}
