"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";

// Starts the provider's sign-in (authorization code flow with PKCE, state and nonce; next-auth
// sets their cookies and sends the browser to the provider).
export function SsoSignInButton({
  label,
  callbackUrl,
  variant = "primary",
}: {
  label: string;
  callbackUrl: string;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("ssoSignIn");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("sso", { callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? t("pending", { label }) : t("button", { label })}
    </Button>
  );
}
