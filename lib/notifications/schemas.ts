import { z } from "zod";

import { NEW_HIRE_MODES } from "./modes";

// Shared by the forms and their actions.

/** Addresses, one a line (commas and semicolons also separate); blank lines ignored. */
export function parseAddressList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,;]+/)
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export const MAX_NOTIFICATION_ADDRESSES = 20;

export const ZNewEmployeeAddressesInput = z.object({
  addresses: z
    .string()
    .max(10_000)
    .transform(parseAddressList)
    .pipe(z.array(z.string().max(320).email()).max(MAX_NOTIFICATION_ADDRESSES)),
});

export const ZNotificationPreferencesInput = z.object({
  newHires: z.enum(NEW_HIRE_MODES).optional(),
  sendFailures: z.boolean().optional(),
  connection: z.boolean().optional(),
});
export type TNotificationPreferencesInput = z.infer<typeof ZNotificationPreferencesInput>;
