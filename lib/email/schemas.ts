import { z } from "zod";

export const ZSendTestEmailInput = z.object({ to: z.string().trim().max(320).email() });
export type TSendTestEmailInput = z.infer<typeof ZSendTestEmailInput>;
