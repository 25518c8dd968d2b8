"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";

// A read-only value with a Copy button. The value is selectable too, for when the clipboard is
// not available (an http:// origin, a locked-down browser).
export function CopyField({ label, value, secret = false }: { label: string; value: string; secret?: boolean }) {
  const t = useTranslations("webhooks");
  const id = useId();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          data-secret={secret || undefined}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <Button
          variant="secondary"
          aria-label={`${t("copy")}: ${label}`}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setState("copied");
            } catch {
              setState("failed");
            }
          }}
        >
          {state === "copied" ? t("copied") : t("copy")}
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-600">
        {state === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}
