"use server";

import { z } from "zod";

import { authorizedAction } from "@/lib/action-client";
import { ZPreviewImportInput, ZStartImportInput } from "@/lib/imports/schemas";
import { discardImport, listRejections, previewImport, startImport } from "@/lib/imports/service";

const importCandidates = authorizedAction.metadata({ permission: "candidates:import" });

// Reads the file with the mapping and writes nothing.
export const previewImportAction = importCandidates
  .inputSchema(ZPreviewImportInput)
  .action(async ({ parsedInput }) => previewImport(parsedInput.importId, parsedInput.mapping));

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
