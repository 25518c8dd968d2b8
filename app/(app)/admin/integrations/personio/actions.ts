"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { authorizedAction } from "@/lib/action-client";
import { refreshDocumentCategories, setDocumentDefaults } from "@/lib/documents/categories";
import { ZDocumentDefaultsInput } from "@/lib/documents/schemas";
import { ZSetSendableStagesInput } from "@/lib/handoff/schemas";
import { setSendableStages } from "@/lib/handoff/send-settings";
import { ZFieldConfig, type FieldConfig } from "@/lib/personio-fields/config";
import { saveFieldConfig } from "@/lib/personio-fields/store";
import {
  connectPersonio,
  deletePersonio,
  setPersonioEnabled,
  testPersonioConnection,
  updatePersonioCredentials,
} from "@/lib/personio/integration/mutations";
import { refreshPersonioOptions } from "@/lib/personio/integration/options";
import { setRolePersonioPermission } from "@/lib/personio/integration/role-permissions";
import {
  ZConnectPersonioInput,
  ZEmptyInput,
  ZSetPersonioEnabledInput,
  ZSetRolePersonioPermissionInput,
  ZUpdatePersonioCredentialsInput,
} from "@/lib/personio/integration/schemas";

// Every action re-checks integrations:manage on the server (authorizedAction reads the user and
// their role's permissions afresh), so calling these directly without the permission is refused.
// Results carry statuses only: never the secret, its ciphertext or anything Personio returned.
const manageIntegrations = authorizedAction.metadata({ permission: "integrations:manage" });

// The send flow, the badge and the header depend on these settings, so the whole app is revalidated.
function revalidateAll() {
  revalidatePath("/", "layout");
}

// Actions after which the page they were started from no longer applies (connected: the connect
// form redirects away; deleted: the settings are gone) navigate on the server. A client-side push
// in onSuccess would be lost: the revalidated page can unmount the form before its callback runs.

export const connectPersonioAction = manageIntegrations
  .inputSchema(ZConnectPersonioInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await connectPersonio({ actorId: ctx.user.id, input: parsedInput });
    if (result.status !== "saved") return result;
    revalidateAll();
    redirect(`/admin/integrations/personio?connected=${result.assessment}`);
  });

export const updatePersonioCredentialsAction = manageIntegrations
  .inputSchema(ZUpdatePersonioCredentialsInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updatePersonioCredentials({ actorId: ctx.user.id, input: parsedInput });
    if (result.status === "saved") revalidateAll();
    return result;
  });

export const setPersonioEnabledAction = manageIntegrations
  .inputSchema(ZSetPersonioEnabledInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setPersonioEnabled({ actorId: ctx.user.id, enabled: parsedInput.enabled });
    revalidateAll();
    return result;
  });

export const deletePersonioAction = manageIntegrations.inputSchema(ZEmptyInput).action(async ({ ctx }) => {
  await deletePersonio({ actorId: ctx.user.id });
  revalidateAll();
  redirect("/admin/integrations?deleted=1");
});

export const testPersonioConnectionAction = manageIntegrations.inputSchema(ZEmptyInput).action(async ({ ctx }) => {
  const result = await testPersonioConnection({ actorId: ctx.user.id });
  revalidatePath("/admin/integrations/personio");
  return result;
});

export const setRolePersonioPermissionAction = manageIntegrations
  .inputSchema(ZSetRolePersonioPermissionInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setRolePersonioPermission({ actorId: ctx.user.id, ...parsedInput });
    revalidateAll();
    return { ...result, roleId: parsedInput.roleId, permission: parsedInput.permission, granted: parsedInput.granted };
  });

export const setPersonioFieldsAction = manageIntegrations
  .inputSchema(ZFieldConfig)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveFieldConfig({ actorId: ctx.user.id, config: parsedInput as FieldConfig });
    revalidateAll();
    return result;
  });

// The admins' "refresh": reads Personio's lists now instead of waiting for the cache to age.
export const refreshPersonioOptionsAction = manageIntegrations.inputSchema(ZEmptyInput).action(async () => {
  const load = await refreshPersonioOptions();
  // The document categories with the other lists (their own failure shows where they are used).
  if (load.ok) await refreshDocumentCategories();
  revalidatePath("/admin/integrations/personio");
  return load.ok ? { ok: true as const } : { ok: false as const, code: load.code };
});

export const setSendableStagesAction = manageIntegrations
  .inputSchema(ZSetSendableStagesInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setSendableStages({ actorId: ctx.user.id, stages: parsedInput.stages });
    revalidateAll();
    return result;
  });

// The Personio category each kind of document goes to unless the recruiter picks another.
export const setDocumentDefaultsAction = manageIntegrations
  .inputSchema(ZDocumentDefaultsInput)
  .action(async ({ parsedInput, ctx }) => {
    await setDocumentDefaults({ actorId: ctx.user.id, defaults: parsedInput });
    revalidateAll();
    return { saved: true };
  });
