"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { authorizedAction } from "@/lib/action-client";
import { ZCreateSourceInput, ZRotateSourceInput, ZSetSourceEnabledInput, ZSourceIdInput } from "@/lib/webhooks/schemas";
import { createSource, deleteSource, rotateSourceSecret, setSourceEnabled } from "@/lib/webhooks/sources";

// Every action re-checks integrations:manage on the server. A generated secret is returned once
// (to be shown once); nothing else secret ever leaves the server.
const manageIntegrations = authorizedAction.metadata({ permission: "integrations:manage" });

function revalidate() {
  revalidatePath("/admin/integrations", "layout");
}

export const createSourceAction = manageIntegrations
  .inputSchema(ZCreateSourceInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createSource({ actorId: ctx.user.id, input: parsedInput });
    revalidate();
    return result;
  });

export const rotateSourceSecretAction = manageIntegrations
  .inputSchema(ZRotateSourceInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await rotateSourceSecret({
      actorId: ctx.user.id,
      sourceId: parsedInput.sourceId,
      token: parsedInput.token,
    });
    revalidate();
    return result;
  });

export const setSourceEnabledAction = manageIntegrations
  .inputSchema(ZSetSourceEnabledInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setSourceEnabled({ actorId: ctx.user.id, ...parsedInput });
    revalidate();
    return result;
  });

export const deleteSourceAction = manageIntegrations
  .inputSchema(ZSourceIdInput)
  .action(async ({ parsedInput, ctx }) => {
    await deleteSource({ actorId: ctx.user.id, sourceId: parsedInput.sourceId });
    revalidate();
    // On the server: the revalidated source page (now a 404) would unmount the controls before a
    // client-side onSuccess could navigate.
    redirect("/admin/integrations/ats");
  });
