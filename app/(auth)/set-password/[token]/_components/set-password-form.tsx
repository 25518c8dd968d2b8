"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { setPasswordFromLinkAction } from "@/app/(auth)/set-password/[token]/actions";
import { useActionErrorMessage } from "@/components/action-error";
import { NewPasswordFields, withPasswordConfirm } from "@/components/auth/new-password-fields";
import { isPasswordReason } from "@/components/auth/password-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ZNewPassword } from "@/lib/auth/password-rules";

const ZSetPasswordForm = withPasswordConfirm(z.object({ password: ZNewPassword }), "password");
type TSetPasswordForm = z.infer<typeof ZSetPasswordForm>;

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("setPassword");
  const describeError = useActionErrorMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // The action has succeeded and the sign-in with the new password runs: the form stays busy, so
  // nobody submits the used link again meanwhile.
  const [signingIn, setSigningIn] = useState(false);
  const form = useForm<TSetPasswordForm>({
    resolver: zodResolver(ZSetPasswordForm),
    mode: "onTouched",
    defaultValues: { password: "", passwordConfirm: "" },
  });
  const { execute, isPending } = useAction(setPasswordFromLinkAction, {
    onSuccess: async ({ input }) => {
      setSigningIn(true);
      const result = await signIn("credentials", { email, password: input.password, redirect: false });
      if (result?.ok && !result.error) {
        router.replace("/candidates");
        router.refresh();
      } else {
        setSigningIn(false);
        setError(t("signInFailed"));
      }
    },
    onError: ({ error: failure }) => {
      const reason = failure.serverError?.reason;
      if (isPasswordReason(reason)) form.setError("password", { message: reason });
      else setError(describeError(failure, { link_invalid: `${t("invalidTitle")}. ${t("invalidBody")}` }));
    },
  });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(({ password }) => {
        setError(null);
        execute({ token, password });
      })}
      className="mt-6 space-y-4"
    >
      {error && <Alert tone="error">{error}</Alert>}
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <fieldset disabled={isPending || signingIn} className="space-y-4">
        <NewPasswordFields
          label={t("password")}
          autoFocus
          password={form.register("password")}
          confirm={form.register("passwordConfirm")}
          passwordError={errors.password?.message}
          confirmError={errors.passwordConfirm?.message}
        />
        <Button type="submit" className="w-full">
          {isPending || signingIn ? t("pending") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
