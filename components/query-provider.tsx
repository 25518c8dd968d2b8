"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

// The one query client of the signed-in pages, mounted once by app/(app)/layout.tsx: a dialog
// or page that mounted a provider of its own would start with an empty cache at every opening.
// Created in state, so each browser tab keeps one client across renders.
export function QueryProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
