"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { DropdownMenu, type MenuItem } from "@/components/ui/dropdown-menu";
import type { ClientIntl } from "@/lib/i18n/client-messages";

import { focusOrFallback, useSendFlow } from "./send-flow";

// Loaded when someone chooses Update, not with every profile (as the review form, send-flow.tsx).
const UpdateInPersonioDialog = dynamic(
  () => import("./update-in-personio-dialog").then((module) => module.UpdateInPersonioDialog),
  { ssr: false },
);

type Props = {
  candidateId: string;
  // Texts come from the server: this menu is on every profile and loads no i18n runtime.
  labels: {
    more: string;
    noActions: string;
    sendToPersonio: string;
    updateInPersonio: string;
    privacyRequest: string;
  };
  // Why sending is not available, in words for this person (already sent by whom and when,
  // disabled, …); null when the item should not appear at all. When sending is available the
  // item opens the profile's send flow (send-flow.tsx, decided on the server).
  sendUnavailableReason: string | null;
  // For a profile in Personio and someone with personio:update: the update dialog's texts.
  updateInPersonio: { intl: ClientIntl } | null;
  // For someone with privacy:manage: the Privacy page's erasure and access request for this person.
  offersPrivacyRequest: boolean;
};

// The profile's "More ▾" menu.
export function CandidateActionsMenu({
  candidateId,
  labels,
  sendUnavailableReason,
  updateInPersonio,
  offersPrivacyRequest,
}: Props) {
  const router = useRouter();
  const moreRef = useRef<HTMLButtonElement>(null);
  const sendFlow = useSendFlow();
  // The item that opened the dialog is gone with the menu: focus goes back to More ▾ (or, when
  // a send left nothing to choose in it, to the Personio panel). In an effect of this (parent)
  // component, so it runs after the dialog's own effect has closed it (closing a modal dialog
  // moves focus itself) or after the dialog has been removed.
  const [closings, setClosings] = useState(0);
  useEffect(() => {
    if (closings > 0) focusOrFallback(moreRef.current);
  }, [closings]);
  const [updateOpen, setUpdateOpen] = useState(false);
  const [updateOpenings, setUpdateOpenings] = useState(0);
  const sendItem: MenuItem | null = sendFlow
    ? {
        key: "send-to-personio",
        label: labels.sendToPersonio,
        onSelect: () => sendFlow.open(() => setClosings((count) => count + 1)),
      }
    : sendUnavailableReason
      ? {
          key: "send-to-personio",
          label: labels.sendToPersonio,
          onSelect: () => {},
          disabledReason: sendUnavailableReason,
        }
      : null;
  const updateItem: MenuItem | null = updateInPersonio
    ? {
        key: "update-in-personio",
        label: labels.updateInPersonio,
        onSelect: () => {
          setUpdateOpenings((count) => count + 1);
          setUpdateOpen(true);
        },
      }
    : null;
  const privacyItem: MenuItem | null = offersPrivacyRequest
    ? {
        key: "privacy-request",
        label: labels.privacyRequest,
        onSelect: () => router.push(`/admin/privacy?candidate=${encodeURIComponent(candidateId)}`),
      }
    : null;
  const items = [sendItem, updateItem, privacyItem].filter((item): item is MenuItem => item !== null);
  const closeUpdate = () => {
    setUpdateOpen(false);
    setClosings((count) => count + 1);
  };

  return (
    <>
      {/* A menu with nothing in it, or nothing that can be chosen, would be a dead end: no menu
          then (the profile's status strip says why sending is not possible). */}
      {(items.some((item) => !item.disabledReason) || updateOpen) && (
        <DropdownMenu label={labels.more} items={items} emptyLabel={labels.noActions} buttonRef={moreRef} />
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
