"use client";

import { useTranslations } from "next-intl";

import { DropdownMenu, type MenuItem } from "@/components/ui/dropdown-menu";

// The profile's "More ▾" menu. Items appear only when the server says the user may use them.
export function CandidateActionsMenu() {
  const t = useTranslations("profile");
  const items: MenuItem[] = [];
  return <DropdownMenu label={t("more")} items={items} emptyLabel={t("noActions")} />;
}
