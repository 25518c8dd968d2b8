"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useTransition, type ReactNode } from "react";

import { Button } from "@/components/ui/button";

type PageErrorTexts = { title: string; body: string; reference: string; retry: string };

// The error boundary is a client component rendered by Next, with no props of ours: the root
// layout gives it the viewer's texts through this context (four strings on every page, instead
// of next-intl's client runtime and catalogue in a boundary that rarely shows).
const PageErrorTextsContext = createContext<PageErrorTexts | null>(null);

export function PageErrorTextsProvider({ texts, children }: { texts: PageErrorTexts; children: ReactNode }) {
  return <PageErrorTextsContext value={texts}>{children}</PageErrorTextsContext>;
}

/**
 * What a person sees when a page throws unexpectedly: their language, a way to try again, and
 * the digest Next logs with the server error, so an admin can find it in the log.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const texts = useContext(PageErrorTextsContext);
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  useEffect(() => {
    console.error(error);
  }, [error]);
  // Only the root layout's own failure renders this without its texts: that one is Next's global
  // error page's to show.
  if (!texts) throw error;
  return (
    <section role="alert" aria-labelledby="page-error-title" className="mx-auto max-w-md px-6 py-16 text-center">
      <h1 id="page-error-title" className="text-2xl font-semibold">
        {texts.title}
      </h1>
      <p className="mt-2 text-slate-600">{texts.body}</p>
      {error.digest && (
        <p className="mt-2 font-mono text-sm text-slate-500">{texts.reference.replace("{digest}", error.digest)}</p>
      )}
      {/* The page's server components render again only after a refresh; reset() alone would
          show the same error from the client's cache. */}
      <Button
        className="mt-6"
        disabled={retrying}
        aria-busy={retrying || undefined}
        onClick={() =>
          startRetry(() => {
            router.refresh();
            reset();
          })
        }
      >
        {texts.retry}
      </Button>
    </section>
  );
}
