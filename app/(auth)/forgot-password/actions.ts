"use server";

import { headers } from "next/headers";
import { after } from "next/server";

import { publicAction } from "@/lib/action-client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { logger } from "@/lib/logger";
import { requestPasswordReset } from "@/lib/users/forgot-password";
import { ZForgotPasswordInput } from "@/lib/users/schemas";

// Public: anyone may ask. The answer is the same whatever happens, and it comes before the work
// is done (after()), so not even its timing tells whether the address has an account.
export const requestPasswordResetAction = publicAction
  .inputSchema(ZForgotPasswordInput)
  .action(async ({ parsedInput }) => {
    const address = clientAddress(await headers(), env.TRUSTED_PROXY_HOPS);
    after(() =>
      requestPasswordReset({ email: parsedInput.email, address }).catch((error: unknown) =>
        logger.error({ err: error }, "A password reset request could not be handled"),
      ),
    );
    return { requested: true };
  });
