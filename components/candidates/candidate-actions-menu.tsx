"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { SendToPersonioDialog } from "@/components/handoff/send-to-personio-dialog";
import { DropdownMenu, type MenuItem } from "@/components/ui/dropdown-menu";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";

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
      {sendDefaults && (sendToPersonio || sendOpen) && (
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
