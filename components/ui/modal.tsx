"use client";

import { useEffect, useRef, type ReactNode } from "react";

const SIZES = {
  md: "w-full max-w-md",
  lg: "max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-2xl",
} as const;

type ModalProps = {
  open: boolean;
  /** Asked for by Escape; the buttons inside call their own handlers. */
  onClose: () => void;
  /** While a request is in flight, Escape does not close (the outcome would be lost). */
  pending?: boolean;
  size?: keyof typeof SIZES;
  children: ReactNode;
} & (
  | { /** The id of the heading inside that names the dialog. */ titleId: string; label?: never }
  | {
      /** A fixed name, for a dialog whose heading changes (the send dialog's outcome). */ label: string;
      titleId?: never;
    }
);

// Every dialog of the app. The native <dialog> opened with showModal() gives the focus trap,
// the inert background and Escape; this adds what it leaves to us: opening and closing from
// React state, a close refused while pending, and focus back on the element that had it before
// the dialog opened (when that element still exists; a parent whose opener went away, such as
// a menu item, moves focus itself in its own effect, which runs after this one).
export function Modal({ open, onClose, pending, size = "md", titleId, label, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // On closing, and on leaving while open (the dialog removed with its parent).
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
      className={`m-auto ${SIZES[size]} rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40`}
    >
      {children}
    </dialog>
  );
}
