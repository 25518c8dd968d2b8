"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { getHandoffStatus } from "@/lib/handoff/queries";
import { ZHandoffStatusInput, ZLinkToPersonioInput, ZSendToPersonioInput } from "@/lib/handoff/schemas";
import { linkCandidateToPersonioEmployee, sendCandidateToPersonio } from "@/lib/handoff/send";

const sendToPersonio = authorizedAction.metadata({ permission: "personio:send" });

export const sendToPersonioAction = sendToPersonio
  .inputSchema(ZSendToPersonioInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await sendCandidateToPersonio({ actor: ctx.user, ...parsedInput });
    revalidateCandidate(parsedInput.candidateId);
    return result;
  });

export const linkToPersonioAction = sendToPersonio
  .inputSchema(ZLinkToPersonioInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await linkCandidateToPersonioEmployee({ actor: ctx.user, ...parsedInput });
    revalidateCandidate(parsedInput.candidateId);
    return result;
  });

// Polled while another person's send of the same candidate is in flight.
export const getHandoffStatusAction = authorizedAction
  .metadata({ permission: "candidates:read" })
  .inputSchema(ZHandoffStatusInput)
  .action(async ({ parsedInput }) => ({ status: await getHandoffStatus(parsedInput.candidateId) }));

function revalidateCandidate(candidateId: string) {
  revalidatePath(`/candidates/${candidateId}`);
  revalidatePath("/candidates");
}
