"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/config";

const ZSignInForm = z.object({
  email: z.string().trim().email("email"),
  password: z.string().min(1, "password"),
});
type TSignInForm = z.infer<typeof ZSignInForm>;

// next-auth reports failures as error names; each gets its own message.
const ERROR_KEYS: Record<string, "invalid" | "deactivated" | "rateLimited"> = {
  CredentialsSignin: "invalid",
  AccountDeactivated: "deactivated",
  TooManyAttempts: "rateLimited",
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const tSso = useTranslations("ssoSignIn");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TSignInForm>({ resolver: zodResolver(ZSignInForm), defaultValues: { email: "", password: "" } });
  const hydrated = useHydrated();
  const { errors, isSubmitting } = form.formState;

  // The browser's time zone, for the server to keep at this person's first sign-in (dates are
  // then shown in it); a cookie, so every way of signing in carries it.
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
  }, []);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // Checked again here: this is where the browser actually goes.
      router.replace(safeCallbackPath(callbackUrl));
      router.refresh();
      return;
    }
    // With "SSO required", passwords work only for the break-glass admin (lib/auth/options.ts).
    if (result?.error === "SsoRequired") return setFailure(tSso("passwordOff"));
    setFailure(t(`errors.${ERROR_KEYS[result?.error ?? ""] ?? "unexpected"}`));
  });

  return (
    // method="post": a submit before the page has hydrated must not put the password in a URL.
    <form method="post" onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      <fieldset disabled={isSubmitting} className="space-y-4">
        <TextField
          label={t("email")}
          type="email"
          autoComplete="username"
          autoFocus
          error={errors.email && t("validation.email")}
          {...form.register("email")}
        />
        <TextField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          error={errors.password && t("validation.password")}
          {...form.register("password")}
        />
        <Button type="submit" className="w-full" disabled={!hydrated}>
          {isSubmitting ? t("pending") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
