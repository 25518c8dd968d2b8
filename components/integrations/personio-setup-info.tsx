import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import type { FieldConfig } from "@/lib/personio-fields/config";

const SENT_FIELDS = ["firstName", "lastName", "email"] as const;
const STEPS = ["open", "generate", "write", "read", "copy"] as const;

// The information screen an admin accepts before entering credentials (Recruitee's flow).
export async function PersonioSetupInfo({ fields }: { fields: FieldConfig }) {
  const [t, tFields] = await Promise.all([getTranslations("personioSetup"), getTranslations("personioFields")]);
  const section = "rounded-lg border border-slate-200 bg-white p-6";
  return (
    <div className="space-y-6">
      <section aria-labelledby="sent-heading" className={section}>
        <h2 id="sent-heading" className="text-lg font-semibold">
          {t("sentHeading")}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{t("sentIntro")}</p>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm" data-testid="sent-fields">
          {SENT_FIELDS.map((key) => (
            <li key={key}>{t(`sentFields.${key}`)}</li>
          ))}
          {/* Exactly the optional fields the admin chose (the job title by default). */}
          {fields.fields.map((field) => (
            <li key={field.key}>{field.label ?? tFields(`fields.${field.key}` as "fields.hireDate")}</li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-slate-700">{t("sentOnce")}</p>
      </section>
      <section aria-labelledby="stored-heading" className={section}>
        <h2 id="stored-heading" className="text-lg font-semibold">
          {t("storedHeading")}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{t("storedBody")}</p>
      </section>
      <section aria-labelledby="credentials-heading" className={section}>
        <h2 id="credentials-heading" className="text-lg font-semibold">
          {t("credentialsHeading")}
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
          {STEPS.map((key) => (
            <li key={key}>{t(`steps.${key}`)}</li>
          ))}
        </ol>
        <h3 className="mt-4 text-sm font-semibold">{t("subdomainHeading")}</h3>
        <p className="mt-1 text-sm text-slate-700">{t("subdomainBody")}</p>
      </section>
      <div className="flex flex-wrap gap-2">
        <Link href="/admin/integrations/personio/connect" className={buttonClassName("primary")}>
          {t("accept")}
        </Link>
        <Link href="/admin/integrations" className={buttonClassName("ghost")}>
          {t("cancel")}
        </Link>
      </div>
    </div>
  );
}
