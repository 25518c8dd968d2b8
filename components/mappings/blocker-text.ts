import "server-only";

import { getTranslations } from "next-intl/server";

import type { SendBlocker } from "@/lib/handoff/automatic/blockers";
import { isCustomField } from "@/lib/personio-fields/catalogue";

/** The sentence for what holds a hire up ("Office “Berlin HQ” has no Personio value"), in the viewer's language. */
export async function getBlockerDescriber() {
  const [t, tFields] = await Promise.all([getTranslations("sendBlockers"), getTranslations("personioFields.fields")]);
  const fieldName = (key: string) => (isCustomField(key) || !tFields.has(key) ? key : tFields(key as "department"));
  return (blocker: SendBlocker) =>
    blocker.code === "unmapped_value"
      ? t("unmapped_value", { field: fieldName(blocker.field), value: blocker.value })
      : t(blocker.code, { field: fieldName(blocker.field) });
}
