"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { testNewSsoSecretAction } from "@/app/(app)/admin/sso/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZRenewSsoSecretInput, type TRenewSsoSecretInput } from "@/lib/sso/schemas";

// A new client secret (the old one expiring) is tried by a test sign-in before it is saved, so
// SSO stays on for everyone meanwhile. The secret goes to the server once and never comes back.
export function SsoSecretRenewal() {
  const t = useTranslations("sso");
  const describeError = useActionErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm<TRenewSsoSecretInput>({
    resolver: zodResolver(ZRenewSsoSecretInput),
    defaultValues: { clientSecret: "" },
  });
  const start = useAction(testNewSsoSecretAction, {
    onSuccess: ({ data }) => {
      if (!data?.started) return setError(describeError(undefined) ?? "");
      setRedirecting(true);
      void signIn("sso", { callbackUrl: "/admin/sso" }).catch(() => setRedirecting(false));
    },
    onError: ({ error }) => setError(describeError(error) ?? ""),
  });
  const pending = start.isPending || redirecting;

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={form.handleSubmit((values) => {
        setError(null);
        start.execute(values);
      })}
    >
      <h3 className="text-base font-semibold">{t("renewal.heading")}</h3>
      <p className="text-sm text-slate-600">{t("renewal.intro")}</p>
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset disabled={pending} className="flex flex-wrap items-end gap-3">
        <TextField
          label={t("renewal.secret")}
          type="password"
          autoComplete="off"
          spellCheck={false}
          error={form.formState.errors.clientSecret ? t("renewal.secretInvalid") : undefined}
          {...form.register("clientSecret")}
        />
        <Button type="submit" variant="secondary">
          {pending ? t("test.running") : t("renewal.test")}
        </Button>
      </fieldset>
    </form>
  );
}
