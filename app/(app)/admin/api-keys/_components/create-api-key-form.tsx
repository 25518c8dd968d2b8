"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { createApiKeyAction } from "@/app/(app)/admin/api-keys/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZCreateApiKeyInput, type TCreateApiKeyInput } from "@/lib/api-keys/schemas";
import { API_SCOPES } from "@/lib/api-keys/scopes";

type FormValues = z.input<typeof ZCreateApiKeyInput>;

export function CreateApiKeyForm() {
  const t = useTranslations("apiKeys");
  const describeError = useActionErrorMessage();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, TCreateApiKeyInput>({
    resolver: zodResolver(ZCreateApiKeyInput),
    mode: "onTouched",
    defaultValues: { name: "", scopes: ["candidates:read"], expiresOn: "", rateLimitPerMinute: 600 },
  });
  const { execute, isPending } = useAction(createApiKeyAction, {
    onSuccess: ({ data, input }) => {
      if (!data) return;
      setCreated({ name: input.name, key: data.key });
      setCopied(false);
      form.reset();
    },
    onError: ({ error: result }) => setError(describeError(result)),
  });
  const { errors } = form.formState;
  const message = (key?: string) => (key ? t(`validation.${key}` as "validation.name") : undefined);
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <div className="mt-4 space-y-4">
      {created && (
        <div
          role="status"
          className="space-y-3 rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900"
        >
          <p className="font-semibold">{t("createdTitle", { name: created.name })}</p>
          <p>{t("createdOnce")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              data-testid="new-api-key"
              className="break-all rounded bg-white px-2 py-1 font-mono text-slate-900 ring-1 ring-green-200"
            >
              {created.key}
            </code>
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(created.key).then(() => setCopied(true));
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <p>{t("tryIt")}</p>
          <pre className="overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {`curl -H "Authorization: Bearer ${created.key}" \\\n  ${origin}/api/v1/candidates?limit=5`}
          </pre>
          <Button variant="ghost" onClick={() => setCreated(null)}>
            {t("dismiss")}
          </Button>
        </div>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setError(null);
          execute(values);
        })}
        className="space-y-4"
      >
        <fieldset disabled={isPending} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label={t("name")}
            hint={t("nameHint")}
            autoComplete="off"
            error={message(errors.name?.message)}
            {...form.register("name")}
          />
          <TextField
            label={t("expiresOn")}
            type="date"
            hint={t("expiresOnHint")}
            error={message(errors.expiresOn?.message)}
            {...form.register("expiresOn")}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">{t("scopes")}</legend>
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input type="checkbox" value={scope} className="mt-0.5" {...form.register("scopes")} />
                <span>
                  <span className="font-mono">{scope}</span>
                  <span className="block text-xs text-slate-500">
                    {t(`scopeHints.${scope}` as "scopeHints.candidates:read")}
                  </span>
                </span>
              </label>
            ))}
            {errors.scopes && (
              <p className="text-sm text-red-700" role="alert">
                {message(errors.scopes.message ?? "scopes")}
              </p>
            )}
          </fieldset>
          <TextField
            label={t("rateLimit")}
            type="number"
            min={1}
            max={100000}
            inputMode="numeric"
            hint={t("rateLimitHint")}
            error={message(errors.rateLimitPerMinute?.message)}
            {...form.register("rateLimitPerMinute")}
          />
        </fieldset>
        <Button type="submit" disabled={isPending}>
          {isPending ? t("creating") : t("createButton")}
        </Button>
      </form>
    </div>
  );
}
