"use server";

import { signedInAction } from "@/lib/action-client";
import { reissueSession } from "@/lib/auth/reissue-session";
import { setNotificationPreferences } from "@/lib/notifications/preferences";
import { ZNotificationPreferencesInput } from "@/lib/notifications/schemas";
import { changeOwnPassword, signOutEverywhere } from "@/lib/users/own-account";
import { ZChangeOwnPasswordInput, ZSignOutEverywhereInput } from "@/lib/users/schemas";

// Anyone signed in, for their own account only: the user comes from the session, never the input.
const ownAccount = signedInAction;

export const changeOwnPasswordAction = ownAccount
  .inputSchema(ZChangeOwnPasswordInput)
  .action(async ({ parsedInput, ctx }) => {
    const { sessionVersion } = await changeOwnPassword({ actor: ctx.user, ...parsedInput });
    await reissueSession({ userId: ctx.user.id, sessionVersion });
    return { changed: true };
  });

export const signOutEverywhereAction = ownAccount.inputSchema(ZSignOutEverywhereInput).action(async ({ ctx }) => {
  await signOutEverywhere({ actor: ctx.user });
  return { signedOut: true };
});

export const setNotificationPreferencesAction = ownAccount
  .inputSchema(ZNotificationPreferencesInput)
  .action(async ({ parsedInput, ctx }) => {
    await setNotificationPreferences(ctx.user, parsedInput);
    return { saved: true };
  });
