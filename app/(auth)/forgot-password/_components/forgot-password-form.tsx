"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZForgotPasswordInput, type TForgotPasswordInput } from "@/lib/users/schemas";

// One answer for every address: the page never says whether an account exists.
export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const describeError = useActionErrorMessage();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TForgotPasswordInput>({
    resolver: zodResolver(ZForgotPasswordInput),
    mode: "onTouched",
    defaultValues: { email: "" },
  });
  const { execute, isPending } = useAction(requestPasswordResetAction, {
    onSuccess: ({ input }) => setSentTo(input.email),
    onError: ({ error: failure }) => setError(describeError(failure)),
  });

  if (sentTo) {
    return (
      <div className="mt-6">
        <Alert tone="success">{t("sent", { email: sentTo })}</Alert>
      </div>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setError(null);
        execute(values);
      })}
      className="mt-6 space-y-4"
    >
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset disabled={isPending} className="space-y-4">
        <TextField
          label={t("email")}
          type="email"
          autoComplete="username"
          autoFocus
          error={form.formState.errors.email && t("invalidEmail")}
          {...form.register("email")}
        />
        <Button type="submit" className="w-full">
          {isPending ? t("pending") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
