"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// False in the server's HTML and while React hydrates, true from then on. A control that only
// works with JavaScript stays disabled until it does, so a click on a slow device is not lost.
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
