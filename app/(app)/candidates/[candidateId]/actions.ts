"use server";

import { authorizedAction } from "@/lib/action-client";
import { ZSendDocumentInput } from "@/lib/documents/schemas";
import { sendDocumentFromProfile } from "@/lib/documents/transfer";
import { getHandoffStatus } from "@/lib/handoff/queries";
import {
  ZHandoffStatusInput,
  ZLinkToPersonioInput,
  ZSendFormInput,
  ZSendToPersonioInput,
  ZUpdateInPersonioInput,
} from "@/lib/handoff/schemas";
import { linkCandidateToPersonioEmployee, sendCandidateToPersonio } from "@/lib/handoff/send";
import { getSendFormData } from "@/lib/handoff/send-form";
import { getUpdateFormData, updateCandidateInPersonio } from "@/lib/handoff/update";

const sendToPersonio = authorizedAction.metadata({ permission: "personio:send" });

// No revalidatePath here: it made Next render the whole profile page into the action's
// response before the result could arrive (on every send), and the dialog
// refreshes the page itself (router.refresh) when the outcome changes what it shows. The
// pages are dynamic, so there is no server cache to invalidate either.
export const sendToPersonioAction = sendToPersonio
  .inputSchema(ZSendToPersonioInput)
  .action(async ({ parsedInput, ctx }) => sendCandidateToPersonio({ actor: ctx.user, ...parsedInput }));

export const linkToPersonioAction = sendToPersonio
  .inputSchema(ZLinkToPersonioInput)
  .action(async ({ parsedInput, ctx }) => linkCandidateToPersonioEmployee({ actor: ctx.user, ...parsedInput }));

// Polled while another person's send of the same candidate is in flight.
export const getHandoffStatusAction = authorizedAction
  .metadata({ permission: "candidates:read" })
  .inputSchema(ZHandoffStatusInput)
  .action(async ({ parsedInput }) => ({ status: await getHandoffStatus(parsedInput.candidateId) }));

// The review form's data when it opens: chosen fields, prefills, Personio's lists (cached).
export const getSendFormAction = sendToPersonio
  .inputSchema(ZSendFormInput)
  .action(async ({ parsedInput, ctx }) => ({ form: await getSendFormData(parsedInput.candidateId, ctx.user) }));

const updateInPersonio = authorizedAction.metadata({ permission: "personio:update" });

export const getUpdateFormAction = updateInPersonio
  .inputSchema(ZSendFormInput)
  .action(async ({ parsedInput }) => ({ form: await getUpdateFormData(parsedInput.candidateId) }));

export const updateInPersonioAction = updateInPersonio
  .inputSchema(ZUpdateInPersonioInput)
  .action(async ({ parsedInput, ctx }) => updateCandidateInPersonio({ actor: ctx.user, ...parsedInput }));

// A document to the employee's file after the send: one not ticked then, or one whose upload failed.
export const sendDocumentToPersonioAction = sendToPersonio
  .inputSchema(ZSendDocumentInput)
  .action(async ({ parsedInput }) => sendDocumentFromProfile(parsedInput));
