"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";

// One query client per browser tab, shared by every part that reads through react-query (the
// review form, the update dialog, the import page), so what one opening has read stays cached
// for the next one within each query's staleTime. Each of those parts mounts this provider
// itself rather than the (app) layout mounting it for every page: react-query then loads with
// the dialogs and pages that use it, not with every signed-in page's first load (issue 24's
// first-load budget). On the server each render gets its own client, never shared between
// requests (TanStack Query's documented pattern for the App Router).
let browserQueryClient: QueryClient | undefined;

function queryClient() {
  const create = () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
  if (typeof window === "undefined") return create();
  return (browserQueryClient ??= create());
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}
