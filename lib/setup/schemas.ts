import { z } from "zod";

import { ZNewPassword } from "@/lib/auth/password-rules";

// The setup page's form and its action. Messages are keys under setup.validation (and
// passwordRules for the password).
export const ZSetupInput = z.object({
  setupToken: z.string().trim().min(1, "token").max(200, "token"),
  name: z.string().trim().min(1, "name").max(100, "name"),
  email: z.string().trim().toLowerCase().email("email").max(200, "email"),
  password: ZNewPassword,
});
export type TSetupInput = z.infer<typeof ZSetupInput>;
