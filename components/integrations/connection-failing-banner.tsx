"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const PERSONIO_SETTINGS_PATH = "/admin/integrations/personio";

type Props = { texts: { label: string; title: string; body: string; link: string } };

// For admins, on every page while the Personio connection is failing (app/(app)/layout.tsx decides
// that). Not on the Personio settings page itself, whose header badge and health card say the same
// and where the test that clears it is. A landmark rather than a live region: it is there on
// arrival, not news that should interrupt.
export function ConnectionFailingBanner({ texts }: Props) {
  const pathname = usePathname();
  if (pathname === PERSONIO_SETTINGS_PATH) return null;
  return (
    <section aria-label={texts.label} className="border-b border-red-200 bg-red-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm text-red-900 sm:px-6">
        <p className="min-w-0">
          <span className="font-semibold">{texts.title}.</span> {texts.body}
        </p>
        <Link href={PERSONIO_SETTINGS_PATH} className="shrink-0 font-medium text-red-900 underline hover:no-underline">
          {texts.link}
        </Link>
      </div>
    </section>
  );
}
