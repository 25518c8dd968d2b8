"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

// The Users page shows one message at a time: the outcome of the newest action, next to the
// part of the page it concerns (the table's feedback above the table, an invitation's link by
// the invite form). Any newer outcome replaces it, wherever it is shown, so no older success
// lingers beside a newer one.

type Owned<T> = { source: string; value: T };
type Store = {
  current: Owned<unknown> | null;
  show: (source: string, value: unknown) => void;
  clear: (source: string) => void;
  reset: () => void;
};

const CurrentMessageContext = createContext<Store | null>(null);

export function CurrentMessageProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Owned<unknown> | null>(null);
  const show = useCallback((source: string, value: unknown) => setCurrent({ source, value }), []);
  const clear = useCallback((source: string) => setCurrent((shown) => (shown?.source === source ? null : shown)), []);
  const reset = useCallback(() => setCurrent(null), []);
  const store = useMemo(() => ({ current, show, clear, reset }), [current, show, clear, reset]);
  return <CurrentMessageContext.Provider value={store}>{children}</CurrentMessageContext.Provider>;
}

/**
 * This part of the page's message (null while another part's is the current one); `show` makes a
 * message of this part the current one, `clear` removes it, `reset` removes any (a new action starts).
 */
export function useCurrentMessage<T>(source: string) {
  const store = useContext(CurrentMessageContext);
  if (!store) throw new Error("useCurrentMessage needs a CurrentMessageProvider");
  const { current, show, clear, reset } = store;
  return {
    reset,
    message: current?.source === source ? (current.value as T) : null,
    show: useCallback((value: T) => show(source, value), [show, source]),
    clear: useCallback(() => clear(source), [clear, source]),
  };
}
