"use client";

import dynamic from "next/dynamic";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import type { ClientIntl } from "@/lib/i18n/client-messages";

import { SEND_FOCUS_FALLBACK_ID } from "./focus-targets";

// The review form (react-hook-form, the zod schema, the send actions, React Query) loads when
// someone chooses Send, not with every profile: it was a fifth of the profile's JavaScript.
const SendToPersonioDialog = dynamic(
  () => import("./send-to-personio-dialog").then((module) => module.SendToPersonioDialog),
  { ssr: false },
);

export type SendSetup = { defaults: TPersonioEmployeeFields; intl: ClientIntl };

type SendFlow = {
  /** Opens the review form; `onClosed` runs once it has closed (the opener puts focus back). */
  open: (onClosed: () => void) => void;
};

const SendFlowContext = createContext<SendFlow | null>(null);

// One send flow per profile, opened from the status strip's button or from More ▾ → Send to
// Personio: both open the same dialog.
export function SendFlowProvider({
  candidateId,
  sendToPersonio,
  children,
}: {
  candidateId: string;
  // What the review form needs: present only when sending is available (decided on the server).
  sendToPersonio: SendSetup | null;
  children: ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  // A new key for every opening: the review form starts from the profile again each time.
  const [openings, setOpenings] = useState(0);
  // Kept after a successful send removes the ways to open it, so the open dialog can show the result.
  const [setup] = useState(sendToPersonio);
  const onClosedRef = useRef<(() => void) | null>(null);
  // In an effect, so it runs after the dialog has closed itself (closing a modal dialog moves
  // focus) or has been removed.
  const [closings, setClosings] = useState(0);
  useEffect(() => {
    if (closings > 0) onClosedRef.current?.();
  }, [closings]);
  const flow: SendFlow = {
    open: (onClosed) => {
      onClosedRef.current = onClosed;
      setOpenings((count) => count + 1);
      setIsOpen(true);
    },
  };

  return (
    <SendFlowContext.Provider value={sendToPersonio ? flow : null}>
      {children}
      {setup && openings > 0 && (sendToPersonio || isOpen) && (
        <SendToPersonioDialog
          key={openings}
          candidateId={candidateId}
          defaults={setup.defaults}
          intl={setup.intl}
          open={isOpen}
          onClose={() => {
            setIsOpen(false);
            setClosings((count) => count + 1);
          }}
        />
      )}
    </SendFlowContext.Provider>
  );
}

/** The send flow when sending is available here; null otherwise. */
export function useSendFlow(): SendFlow | null {
  return useContext(SendFlowContext);
}

// The status strip's primary action.
export function SendToPersonioButton({ label }: { label: string }) {
  const flow = useSendFlow();
  // Disabled until the page's script runs, so an early click is not lost.
  const hydrated = useHydrated();
  if (!flow) return null;
  return (
    <Button
      className="shrink-0"
      disabled={!hydrated}
      onClick={(event) => {
        const button = event.currentTarget;
        flow.open(() => focusOrFallback(button));
      }}
    >
      {label}
    </Button>
  );
}

/** Focus back on the control that opened the form, or, once a send has removed it, on the Personio panel. */
export function focusOrFallback(opener: HTMLElement | null) {
  (opener?.isConnected ? opener : document.getElementById(SEND_FOCUS_FALLBACK_ID))?.focus();
}
