import { z } from "zod";

import { candidateFields } from "@/lib/candidates/fields";
import { IMPORT_FIELDS } from "@/lib/imports/fields";

// Shared by the import page and its server actions.
export const ZColumnMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500));

export const ZPreviewImportInput = z.object({ importId: z.string().min(1), mapping: ZColumnMapping.optional() });

export const ZStartImportInput = z.object({
  importId: z.string().min(1),
  mapping: ZColumnMapping,
  externalSource: candidateFields.externalSource,
});
export type TStartImportInput = z.infer<typeof ZStartImportInput>;

export const DEFAULT_IMPORT_SOURCE = "spreadsheet";

export const ZSetRoleImportAccessInput = z.object({ roleId: z.string().min(1).max(64), granted: z.boolean() });
