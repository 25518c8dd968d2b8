"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { changeOwnPasswordAction } from "@/app/(app)/account/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { NewPasswordFields, withPasswordConfirm } from "@/components/auth/new-password-fields";
import { isPasswordReason } from "@/components/auth/password-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZChangeOwnPasswordInput } from "@/lib/users/schemas";

const ZChangePasswordForm = withPasswordConfirm(ZChangeOwnPasswordInput, "newPassword");
type TChangePasswordForm = z.infer<typeof ZChangePasswordForm>;

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const describeError = useActionErrorMessage();
  const router = useRouter();
  const [feedback, setFeedback] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TChangePasswordForm>({
    resolver: zodResolver(ZChangePasswordForm),
    mode: "onTouched",
    defaultValues: { currentPassword: "", newPassword: "", passwordConfirm: "" },
  });
  const { execute, isPending } = useAction(changeOwnPasswordAction, {
    onSuccess: () => {
      // The server ended every other session and gave this one the new version.
      form.reset();
      setFeedback({ tone: "success", text: t("changed") });
      router.refresh();
    },
    onError: ({ error }) => {
      const reason = error.serverError?.reason;
      if (isPasswordReason(reason)) form.setError("newPassword", { message: reason });
      else if (reason === "wrong_password") form.setError("currentPassword", { message: t("wrongPassword") });
      else setFeedback({ tone: "error", text: describeError(error, { rate_limited: t("rateLimited") }) ?? "" });
    },
  });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ passwordConfirm: _confirm, ...values }) => {
        setFeedback(null);
        execute(values);
      })}
      className="mt-4 space-y-4"
    >
      {feedback && <Alert tone={feedback.tone}>{feedback.text}</Alert>}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <fieldset disabled={isPending} className="space-y-4">
        <TextField
          label={t("currentPassword")}
          type="password"
          autoComplete="current-password"
          error={
            errors.currentPassword?.message === "currentRequired"
              ? t("currentRequired")
              : errors.currentPassword?.message
          }
          {...form.register("currentPassword")}
        />
        <NewPasswordFields
          label={t("newPassword")}
          password={form.register("newPassword")}
          confirm={form.register("passwordConfirm")}
          passwordError={errors.newPassword?.message}
          confirmError={errors.passwordConfirm?.message}
        />
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
