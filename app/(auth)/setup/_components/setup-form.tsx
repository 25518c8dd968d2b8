"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { createFirstAdminAction } from "@/app/(auth)/setup/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { NewPasswordFields, withPasswordConfirm } from "@/components/auth/new-password-fields";
import { isPasswordReason } from "@/components/auth/password-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZSetupInput } from "@/lib/setup/schemas";

const ZSetupForm = withPasswordConfirm(ZSetupInput, "password");
type TSetupForm = z.infer<typeof ZSetupForm>;

export function SetupForm() {
  const t = useTranslations("setup");
  const describeError = useActionErrorMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TSetupForm>({
    resolver: zodResolver(ZSetupForm),
    mode: "onTouched",
    defaultValues: { setupToken: "", name: "", email: "", password: "", passwordConfirm: "" },
  });
  const { execute, isPending } = useAction(createFirstAdminAction, {
    onSuccess: async ({ input }) => {
      // The new admin is signed in straight away and lands on the integrations to connect Personio.
      const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      router.replace(result?.ok && !result.error ? "/admin/integrations" : "/sign-in");
      router.refresh();
    },
    onError: ({ error: failure }) => {
      const reason = failure.serverError?.reason;
      if (isPasswordReason(reason)) {
        form.setError("password", { message: reason });
        return;
      }
      if (reason === "wrong_setup_token") form.setError("setupToken", { message: "wrongToken" });
      else setError(describeError(failure, { already_set_up: t("alreadySetUp") }));
    },
  });
  const { errors } = form.formState;
  const message = (key?: string) => {
    if (!key) return undefined;
    if (key === "wrongToken") return t("wrongToken");
    return t.has(`validation.${key}`) ? t(`validation.${key}` as "validation.name") : undefined;
  };

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ passwordConfirm: _confirm, ...values }) => {
        setError(null);
        execute(values);
      })}
      className="mt-6 space-y-4"
    >
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset disabled={isPending} className="space-y-4">
        <TextField
          label={t("token")}
          autoComplete="off"
          spellCheck={false}
          hint={t("tokenHint")}
          error={message(errors.setupToken?.message)}
          {...form.register("setupToken")}
        />
        <TextField
          label={t("name")}
          autoComplete="name"
          error={message(errors.name?.message)}
          {...form.register("name")}
        />
        <TextField
          label={t("email")}
          type="email"
          autoComplete="username"
          error={message(errors.email?.message)}
          {...form.register("email")}
        />
        <NewPasswordFields
          label={t("password")}
          password={form.register("password")}
          confirm={form.register("passwordConfirm")}
          passwordError={errors.password?.message}
          confirmError={errors.passwordConfirm?.message}
        />
        <Button type="submit" className="w-full">
          {isPending ? t("pending") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
