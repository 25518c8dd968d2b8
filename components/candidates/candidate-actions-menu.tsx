"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { DropdownMenu, type MenuItem } from "@/components/ui/dropdown-menu";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";

// The review form (react-hook-form, the zod schema, the send actions, React Query) loads when
// someone chooses Send, not with every profile: it was a fifth of the profile's JavaScript.
const SendToPersonioDialog = dynamic(
  () => import("@/components/handoff/send-to-personio-dialog").then((module) => module.SendToPersonioDialog),
  { ssr: false },
);

type Props = {
  candidateId: string;
  // Present only when the server decided this user may send this profile now.
  sendToPersonio: { defaults: TPersonioEmployeeFields } | null;
};

// The profile's "More ▾" menu.
export function CandidateActionsMenu({ candidateId, sendToPersonio }: Props) {
  const t = useTranslations();
  const [sendOpen, setSendOpen] = useState(false);
  // A new key for every opening: the review form starts from the profile again each time.
  const [openings, setOpenings] = useState(0);
  // Kept after a successful send removes the menu item, so the open dialog can show the result.
  const [sendDefaults] = useState(sendToPersonio?.defaults);
  const items: MenuItem[] = [];
  if (sendToPersonio) {
    items.push({
      key: "send-to-personio",
      label: t("handoff.menuItem"),
      onSelect: () => {
        setOpenings((count) => count + 1);
        setSendOpen(true);
      },
    });
  }

  return (
    <>
      <DropdownMenu label={t("profile.more")} items={items} emptyLabel={t("profile.noActions")} />
      {sendDefaults && openings > 0 && (sendToPersonio || sendOpen) && (
        <SendToPersonioDialog
          key={openings}
          candidateId={candidateId}
          defaults={sendDefaults}
          open={sendOpen}
          onClose={() => setSendOpen(false)}
        />
      )}
    </>
  );
}
