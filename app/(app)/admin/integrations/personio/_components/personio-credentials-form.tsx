"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import {
  connectPersonioAction,
  updatePersonioCredentialsAction,
} from "@/app/(app)/admin/integrations/personio/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { ScopeNotice } from "@/components/integrations/scope-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { CredentialSaveResult } from "@/lib/personio/integration/mutations";
import {
  ZConnectPersonioInput,
  ZUpdatePersonioCredentialsInput,
  type PersonioApiVersion,
  type TConnectPersonioInput,
} from "@/lib/personio/integration/schemas";
import type { ScopeAssessment } from "@/lib/personio/integration/scopes";
import { normalizePersonioSubdomain } from "@/lib/personio/integration/subdomain";

type Props =
  | { mode: "connect"; defaults?: undefined }
  | { mode: "update"; defaults: { clientId: string; subdomain: string; apiVersion: PersonioApiVersion } };

type Feedback =
  | { tone: "error"; title?: string; text: string }
  | { tone: "success"; text: string; assessment: Exclude<ScopeAssessment, "missing_write"> };

// One form for "Integrate" and "Change API credentials". The secret is never sent to the browser,
// so it is never pre-filled; in update mode a blank secret keeps the stored one.
export function PersonioCredentialsForm({ mode, defaults }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const describeError = useActionErrorMessage();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [reducedFrom, setReducedFrom] = useState<{ typed: string; subdomain: string } | null>(null);
  const form = useForm<TConnectPersonioInput>({
    resolver: zodResolver(mode === "connect" ? ZConnectPersonioInput : ZUpdatePersonioCredentialsInput),
    mode: "onTouched",
    defaultValues: {
      apiVersion: defaults?.apiVersion ?? "v1",
      clientId: defaults?.clientId ?? "",
      clientSecret: "",
      subdomain: defaults?.subdomain ?? "",
    },
  });

  const onResult = (result: CredentialSaveResult | undefined) => {
    if (!result) return setFeedback({ tone: "error", text: t("errors.unexpected") });
    if (result.status === "rejected") {
      // A v2 credential is refused for a missing scope, which the message names.
      const isV2Scope = result.reason === "missing_permission" && form.getValues("apiVersion") === "v2";
      return setFeedback({
        tone: "error",
        title: t("personioForm.notSaved"),
        text: isV2Scope
          ? t("personioForm.rejected.missing_permission_v2")
          : t(`personioForm.rejected.${result.reason}`),
      });
    }
    // A saved connection never gets here: that action redirects to the settings on the server.
    form.reset({
      apiVersion: form.getValues("apiVersion"),
      clientId: form.getValues("clientId"),
      clientSecret: "",
      subdomain: result.subdomain,
    });
    setFeedback({ tone: "success", text: t("personioSettings.credentialsSaved"), assessment: result.assessment });
    router.refresh();
  };
  const reasons = {
    already_connected: t("personioForm.already_connected"),
    changed_meanwhile: t("personioForm.changed_meanwhile"),
  };
  const onError = ({ error }: { error: Parameters<typeof describeError>[0] }) =>
    setFeedback({ tone: "error", text: describeError(error, reasons) ?? "" });
  const connect = useAction(connectPersonioAction, { onSuccess: ({ data }) => onResult(data), onError });
  const update = useAction(updatePersonioCredentialsAction, { onSuccess: ({ data }) => onResult(data), onError });
  const isPending = connect.isPending || update.isPending;

  // A pasted address ("https://acme.personio.de") becomes "acme", and the person is told so.
  const reduceSubdomain = () => {
    const typed = form.getValues("subdomain");
    const { subdomain, wasReduced } = normalizePersonioSubdomain(typed);
    if (!wasReduced) return;
    form.setValue("subdomain", subdomain, { shouldValidate: true });
    setReducedFrom({ typed: typed.trim(), subdomain });
  };

  const { errors } = form.formState;
  const message = (key?: string) =>
    key ? t(`personioForm.validation.${key}` as "personioForm.validation.clientId") : undefined;
  const secretHint = mode === "update" ? t("personioForm.secretStored") : t("personioForm.secretNew");
  const subdomainHint = reducedFrom ? t("personioForm.subdomainReduced", reducedFrom) : t("personioForm.subdomainHint");
  const submitLabel =
    mode === "connect"
      ? isPending
        ? t("personioConnect.submitting")
        : t("personioConnect.submit")
      : isPending
        ? t("personioSettings.credentials.submitting")
        : t("personioSettings.credentials.submit");

  return (
    <form
      noValidate
      onSubmit={(event) => {
        reduceSubdomain();
        void form.handleSubmit((values) => {
          setFeedback(null);
          if (mode === "connect") connect.execute(values);
          else update.execute(values);
        })(event);
      }}
      className="space-y-4"
    >
      {feedback?.tone === "error" && (
        <Alert tone="error" title={feedback.title}>
          {feedback.text}
        </Alert>
      )}
      {feedback?.tone === "success" && (
        <div className="space-y-2">
          <Alert tone="success">{feedback.text}</Alert>
          <ScopeNotice assessment={feedback.assessment} apiVersion={form.getValues("apiVersion")} />
        </div>
      )}
      <fieldset disabled={isPending} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <SelectField
            label={t("personioForm.apiVersion")}
            hint={t("personioForm.apiVersionHint")}
            {...form.register("apiVersion")}
          >
            <option value="v1">{t("personioForm.apiVersions.v1")}</option>
            <option value="v2">{t("personioForm.apiVersions.v2")}</option>
          </SelectField>
        </div>
        <TextField
          label={t("personioForm.clientId")}
          autoComplete="off"
          spellCheck={false}
          error={message(errors.clientId?.message)}
          {...form.register("clientId")}
        />
        <TextField
          label={t("personioForm.clientSecret")}
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint={secretHint}
          error={message(errors.clientSecret?.message)}
          {...form.register("clientSecret")}
        />
        <TextField
          label={t("personioForm.subdomain")}
          autoComplete="off"
          spellCheck={false}
          hint={subdomainHint}
          error={message(errors.subdomain?.message)}
          {...form.register("subdomain", { onBlur: reduceSubdomain, onChange: () => setReducedFrom(null) })}
        />
      </fieldset>
      <Button type="submit" disabled={isPending} aria-busy={isPending || undefined}>
        {submitLabel}
      </Button>
    </form>
  );
}
