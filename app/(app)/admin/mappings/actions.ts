"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { ZDeleteValueMappingInput, ZValueMappingInput } from "@/lib/mappings/schemas";
import { deleteValueMapping, saveValueMapping } from "@/lib/mappings/store";

// Admins and recruiters by default: the review form's "Remember" uses the same action.
const manageMappings = authorizedAction.metadata({ permission: "mappings:manage" });

export const saveValueMappingAction = manageMappings
  .inputSchema(ZValueMappingInput)
  .action(async ({ parsedInput, ctx }) => {
    const { id, ...input } = parsedInput;
    const saved = await saveValueMapping({ actorId: ctx.user.id, id, input });
    revalidatePath("/admin/mappings");
    return saved;
  });

export const deleteValueMappingAction = manageMappings
  .inputSchema(ZDeleteValueMappingInput)
  .action(async ({ parsedInput, ctx }) => {
    const deleted = await deleteValueMapping({ actorId: ctx.user.id, id: parsedInput.id });
    revalidatePath("/admin/mappings");
    return deleted;
  });
