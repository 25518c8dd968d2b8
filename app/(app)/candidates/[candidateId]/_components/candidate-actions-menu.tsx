"use client";

import dynamic from "next/dynamic";
import { useState } from "react";

import { DropdownMenu, type MenuItem } from "@/components/ui/dropdown-menu";
import type { SendAvailability } from "@/lib/handoff/availability";
import type { TPersonioEmployeeFields } from "@/lib/handoff/schemas";
import type { ClientIntl } from "@/lib/i18n/client-messages";

// The review form (react-hook-form, the zod schema, the send actions, React Query) loads when
// someone chooses Send, not with every profile: it was a fifth of the profile's JavaScript.
const SendToPersonioDialog = dynamic(
  () => import("./send-to-personio-dialog").then((module) => module.SendToPersonioDialog),
  { ssr: false },
);

type Props = {
  candidateId: string;
  // Texts come from the server: this menu is on every profile and loads no i18n runtime.
  labels: { more: string; noActions: string; sendToPersonio: string };
  // Decided on the server (getSendAvailability); the send action checks the same rule again.
  sendAvailability: SendAvailability;
  // What the review form needs: present only when sending is available.
  sendToPersonio: { defaults: TPersonioEmployeeFields; intl: ClientIntl } | null;
};

// The profile's "More ▾" menu.
export function CandidateActionsMenu({ candidateId, labels, sendAvailability, sendToPersonio }: Props) {
  const [sendOpen, setSendOpen] = useState(false);
  // A new key for every opening: the review form starts from the profile again each time.
  const [openings, setOpenings] = useState(0);
  // Kept after a successful send removes the menu item, so the open dialog can show the result.
  const [sendSetup] = useState(sendToPersonio);
  const items: MenuItem[] = [];
  if (sendAvailability.available && sendToPersonio) {
    items.push({
      key: "send-to-personio",
      label: labels.sendToPersonio,
      onSelect: () => {
        setOpenings((count) => count + 1);
        setSendOpen(true);
      },
    });
  }

  return (
    <>
      <DropdownMenu label={labels.more} items={items} emptyLabel={labels.noActions} />
      {sendSetup && openings > 0 && (sendToPersonio || sendOpen) && (
        <SendToPersonioDialog
          key={openings}
          candidateId={candidateId}
          defaults={sendSetup.defaults}
          intl={sendSetup.intl}
          open={sendOpen}
          onClose={() => setSendOpen(false)}
        />
      )}
    </>
  );
}
