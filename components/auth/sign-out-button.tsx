"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";

// What next-auth's signOut() does (fetch a CSRF token, POST /api/auth/signout), without loading
// next-auth's client into every page for one button.
async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  window.location.assign("/sign-in");
}

export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut().catch(() => setPending(false));
      }}
    >
      {label}
    </Button>
  );
}
