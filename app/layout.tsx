import "@fontsource-variable/inter";
import "./globals.css";

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { PageErrorTextsProvider } from "@/components/errors/page-error";

// Every page is rendered per request: the CSP nonce (proxy.ts) must reach Next's inline scripts.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("errors")]);
  const errorTexts = {
    title: t("pageErrorTitle"),
    body: t("unexpected"),
    reference: t("pageErrorReference", { digest: "{digest}" }),
    retry: t("retry"),
  };
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <PageErrorTextsProvider texts={errorTexts}>{children}</PageErrorTextsProvider>
      </body>
    </html>
  );
}
