import type { FlattenedValidationErrors, ValidationErrors } from "next-safe-action";
import type { SingleInputActionFn } from "next-safe-action/hooks";
import type { ReactNode } from "react";
import type { z } from "zod";

import type { ActionServerError } from "@/lib/action-client";
import type {
  TPersonioEmployeeFields,
  ZHandoffStatusInput,
  ZLinkToPersonioInput,
  ZSendFormInput,
  ZSendToPersonioInput,
} from "@/lib/handoff/schemas";
import type { HandoffResult } from "@/lib/handoff/send";
import type { SendFormData } from "@/lib/handoff/send-form";
import type { HandoffStatus } from "@/lib/handoff/status";
import type { ZValueMappingInput } from "@/lib/mappings/schemas";

// A server action as built on lib/action-client.ts (flattened validation errors), seen from the browser.
type Action<Schema extends z.ZodType, Data> = SingleInputActionFn<
  ActionServerError,
  Schema,
  FlattenedValidationErrors<ValidationErrors<Schema>>,
  Data
>;

/** The send actions, passed in by the route that renders the review (components/ imports no routes). */
export type SendReviewActions = {
  getSendForm: Action<typeof ZSendFormInput, { form: SendFormData | null }>;
  getHandoffStatus: Action<typeof ZHandoffStatusInput, { status: HandoffStatus | null }>;
  send: Action<typeof ZSendToPersonioInput, HandoffResult>;
  link: Action<typeof ZLinkToPersonioInput, HandoffResult>;
  /** Saves a value mapping: the review form's "Remember" (permission mappings:manage). */
  remember?: Action<typeof ZValueMappingInput, { mappingId: string; created: boolean }>;
};

export type Done = Extract<HandoffResult, { outcome: "sent" | "linked" }> | { outcome: "already_sent" };
export type Existing = Extract<HandoffResult, { outcome: "existing_employee" }>;

export type SendReviewProps = {
  candidateId: string;
  defaults: TPersonioEmployeeFields;
  actions: SendReviewActions;
  /** The id of the heading that names the surrounding dialog or step. */
  titleId: string;
  /** Cancel before a send, Close after it. */
  onClose: () => void;
  /** What Cancel is called here (Review & send: Skip). */
  cancelLabel?: string;
  /** In Review & send: what comes after this candidate's outcome (Next candidate / Finish). */
  after?: { label: string; onSelect: () => void };
  /** Told when an outcome ends this candidate's review (sent, linked, already sent). */
  onDone?: (result: Done) => void;
  /** Told when a send or link fails (Review & send counts the ones skipped after a failure as failed). */
  onFailure?: () => void;
  /** The send-once notice where the profile's wording (its menu) does not fit. */
  onceOnlyNotice?: string;
  /** Told while a send or link is in flight, so the surrounding dialog can refuse to close. */
  onPendingChange?: (pending: boolean) => void;
  /** Extra text under the title (Review & send: "Candidate 2 of 3"). */
  eyebrow?: ReactNode;
  /** Re-render the page after an outcome (the profile's badge and menu); Review & send does not. */
  refreshOnDone?: boolean;
};
