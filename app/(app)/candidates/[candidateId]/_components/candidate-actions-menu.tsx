"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

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
const UpdateInPersonioDialog = dynamic(
  () => import("./update-in-personio-dialog").then((module) => module.UpdateInPersonioDialog),
  { ssr: false },
);

type Props = {
  candidateId: string;
  // Texts come from the server: this menu is on every profile and loads no i18n runtime.
  labels: { more: string; noActions: string; sendToPersonio: string; updateInPersonio: string };
  // Decided on the server (getSendAvailability); the send action checks the same rule again.
  sendAvailability: SendAvailability;
  // What the review form needs: present only when sending is available.
  sendToPersonio: { defaults: TPersonioEmployeeFields; intl: ClientIntl } | null;
  // Why it may not, in words for this person (already sent by whom and when, disabled, …);
  // null when the item should not appear at all.
  sendUnavailableReason: string | null;
  // For a profile in Personio and someone with personio:update: the update dialog's texts.
  updateInPersonio: { intl: ClientIntl } | null;
};

// The profile's "More ▾" menu.
export function CandidateActionsMenu({
  candidateId,
  labels,
  sendAvailability,
  sendToPersonio,
  sendUnavailableReason,
  updateInPersonio,
}: Props) {
  const moreRef = useRef<HTMLButtonElement>(null);
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
  } else if (sendUnavailableReason) {
    items.push({
      key: "send-to-personio",
      label: labels.sendToPersonio,
      onSelect: () => {},
      disabledReason: sendUnavailableReason,
    });
  }
  const [updateOpen, setUpdateOpen] = useState(false);
  const [updateOpenings, setUpdateOpenings] = useState(0);
  if (updateInPersonio) {
    items.push({
      key: "update-in-personio",
      label: labels.updateInPersonio,
      onSelect: () => {
        setUpdateOpenings((count) => count + 1);
        setUpdateOpen(true);
      },
    });
  }
  // The item that opened the dialog is gone with the menu: focus goes back to More ▾. In an
  // effect of this (parent) component, so it runs after the dialog's own effect has closed it
  // (closing a modal dialog moves focus itself) or after the dialog has been removed.
  const [closings, setClosings] = useState(0);
  useEffect(() => {
    if (closings > 0) moreRef.current?.focus();
  }, [closings]);
  const closeSend = () => {
    setSendOpen(false);
    setClosings((count) => count + 1);
  };
  const closeUpdate = () => {
    setUpdateOpen(false);
    setClosings((count) => count + 1);
  };

  return (
    <>
      {/* A menu with nothing in it would be a dead end: no menu then. */}
      {(items.length > 0 || sendOpen || updateOpen) && (
        <DropdownMenu label={labels.more} items={items} emptyLabel={labels.noActions} buttonRef={moreRef} />
      )}
      {sendSetup && openings > 0 && (sendToPersonio || sendOpen) && (
        <SendToPersonioDialog
          key={openings}
          candidateId={candidateId}
          defaults={sendSetup.defaults}
          intl={sendSetup.intl}
          open={sendOpen}
          onClose={closeSend}
        />
      )}
      {updateInPersonio && updateOpenings > 0 && (
        <UpdateInPersonioDialog
          key={updateOpenings}
          candidateId={candidateId}
          intl={updateInPersonio.intl}
          open={updateOpen}
          onClose={closeUpdate}
        />
      )}
    </>
  );
}
