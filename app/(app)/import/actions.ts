"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { authorizedAction } from "@/lib/action-client";
import { setRoleImportAccess } from "@/lib/imports/role-access";
import {
  ZChooseImportLayoutInput,
  ZPreviewImportInput,
  ZSetRoleImportAccessInput,
  ZStartImportInput,
} from "@/lib/imports/schemas";
import {
  chooseImportLayout,
  discardImport,
  ImportFileError,
  listRejections,
  previewImport,
  startImport,
} from "@/lib/imports/service";

const importCandidates = authorizedAction.metadata({ permission: "candidates:import" });

// Reads the file with the mapping and writes nothing.
export const previewImportAction = importCandidates
  .inputSchema(ZPreviewImportInput)
  .action(async ({ parsedInput }) => previewImport(parsedInput.importId, parsedInput.mapping));

// A choice that finds no rows (an empty sheet) is answered with why, and changes nothing.
export const chooseImportLayoutAction = importCandidates
  .inputSchema(ZChooseImportLayoutInput)
  .action(async ({ parsedInput }) => {
    try {
      return { chosen: await chooseImportLayout(parsedInput) };
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      const { refusal, row, sheet, megabytes } = error.refused;
      return { refused: { refusal, row: row ?? null, sheet: sheet ?? null, megabytes: megabytes ?? null } };
    }
  });

export const startImportAction = importCandidates
  .inputSchema(ZStartImportInput)
  .action(async ({ parsedInput, ctx }) => startImport({ actorId: ctx.user.id, input: parsedInput }));

export const discardImportAction = importCandidates
  .inputSchema(z.object({ importId: z.string().min(1) }))
  .action(async ({ parsedInput }) => {
    await discardImport(parsedInput.importId);
    return { discarded: true };
  });

export const listRejectionsAction = importCandidates
  .inputSchema(z.object({ importId: z.string().min(1) }))
  .action(async ({ parsedInput }) => listRejections(parsedInput.importId, 100));

// Granting the import to a role is a user-management decision, like giving someone a role.
export const setRoleImportAccessAction = authorizedAction
  .metadata({ permission: "users:manage" })
  .inputSchema(ZSetRoleImportAccessInput)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setRoleImportAccess({ actorId: ctx.user.id, ...parsedInput });
    revalidatePath("/import");
    return result;
  });
