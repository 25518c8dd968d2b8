"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import Link from "next/link";
import { useState } from "react";

import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { isSecretGenerated, type SourceKind } from "@/lib/webhooks/kinds";

import { createSourceAction } from "../actions";
import { CopyField } from "./copy-field";

// After adding, the form gives way to the URL and the secret, shown this once.
export function AddSourceForm({ kind, endpointBase }: { kind: SourceKind; endpointBase: string }) {
  const t = useTranslations("webhooks");
  const describeError = useActionErrorMessage();
  const kindName = t(`kinds.${kind}.name`);
  const [name, setName] = useState(kindName);
  const [token, setToken] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; token?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const create = useAction(createSourceAction, {
    onError: ({ error: failure }) => {
      const fields =
        (failure.validationErrors as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
      const next = {
        name: fields.name?.[0] && t("validation.name"),
        token: fields.token?.[0] && t("validation.token"),
      };
      setFieldErrors(next);
      setError(next.name || next.token ? null : describeError(failure, { token_required: t("validation.token") }));
    },
  });
  const created = create.result.data;

  if (created) {
    return (
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <Alert tone="success">{t("form.created", { name })}</Alert>
        <CopyField label={t("endpoint")} value={`${endpointBase}/api/webhooks/${created.pathToken}`} />
        {created.secret && (
          <>
            <CopyField label={t("secret")} value={created.secret} secret />
            <Alert tone="warning">{t("secretOnce")}</Alert>
          </>
        )}
        <Link
          href={`/admin/integrations/ats/${created.sourceId}?created=1`}
          className="inline-block text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("form.openSource")} →
        </Link>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        setFieldErrors({});
        create.execute({ kind, name, ...(isSecretGenerated(kind) ? {} : { token }) });
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <TextField
        label={t("form.name")}
        hint={t("form.nameHint")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={100}
        required
        error={fieldErrors.name}
      />
      {!isSecretGenerated(kind) && (
        <TextField
          label={t("form.token")}
          hint={t("form.tokenHint")}
          type="password"
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          required
          error={fieldErrors.token}
        />
      )}
      <Button type="submit" disabled={create.isPending} aria-busy={create.isPending || undefined}>
        {create.isPending ? t("form.submitting") : t("form.submit")}
      </Button>
      {/* The steps below name the endpoint URL, which exists only once the source does. */}
      <p className="text-sm text-slate-600">{t("form.urlAfterCreate")}</p>
    </form>
  );
}
