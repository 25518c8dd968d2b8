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
// Whether a send or link from this page has put the profile in Personio (the panel's heading takes
// focus when it arrives after that, see PersonioPanelHeading).
const SentHereContext = createContext(false);

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
  const [sentHere, setSentHere] = useState(false);
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
      <SentHereContext.Provider value={sentHere}>{children}</SentHereContext.Provider>
      {setup && openings > 0 && (sendToPersonio || isOpen) && (
        <SendToPersonioDialog
          key={openings}
          candidateId={candidateId}
          defaults={setup.defaults}
          intl={setup.intl}
          open={isOpen}
          onDone={() => setSentHere(true)}
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

/**
 * Focus back on the control that opened the form, or, once a send has removed it, on the Personio
 * panel. When the page has not refreshed yet, the panel's heading takes focus as it arrives.
 */
export function focusOrFallback(opener: HTMLElement | null) {
  (opener?.isConnected ? opener : document.getElementById(SEND_FOCUS_FALLBACK_ID))?.focus();
}

// The Personio panel's heading. After a send from this page the panel replaces the status strip
// (whose button had focus, or got it back when the form closed before the page refreshed): when it
// arrives with focus lost to the page itself, it takes it, so a keyboard or screen reader user
// lands on what the send made instead of at the top of the page.
export function PersonioPanelHeading({ children }: { children: ReactNode }) {
  const sentHere = useContext(SentHereContext);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sentHere && (document.activeElement === document.body || document.activeElement === null)) {
      ref.current?.focus();
    }
  }, [sentHere]);
  return (
    <h2 ref={ref} id={SEND_FOCUS_FALLBACK_ID} tabIndex={-1} className="text-lg font-semibold">
      {children}
    </h2>
  );
}
