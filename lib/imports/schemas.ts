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

// Another sheet of the workbook (its header is then found again), or another header row.
export const ZChooseImportLayoutInput = z.object({
  importId: z.string().min(1),
  sheet: z.number().int().min(0).max(1000).optional(),
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
});

export const DEFAULT_IMPORT_SOURCE = "spreadsheet";

export const ZSetRoleImportAccessInput = z.object({ roleId: z.string().min(1).max(64), granted: z.boolean() });
