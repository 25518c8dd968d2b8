"use client";

import { useState } from "react";

// A checksum shown shortened, with a button that copies it whole (the CSV export has it whole too).
export function CopyValue({ value, texts }: { value: string; texts: { button: string; done: string; label: string } }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <code title={value} className="font-mono">
        {value.slice(0, 12)}…
      </code>
      <button
        type="button"
        // The visible word within the name (WCAG 2.5.3), with what is copied.
        aria-label={copied ? texts.done : texts.label}
        onClick={() =>
          void navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="rounded border border-slate-300 px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50"
      >
        <span aria-live="polite">{copied ? texts.done : texts.button}</span>
      </button>
    </span>
  );
}
