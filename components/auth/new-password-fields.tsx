"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { z } from "zod";

import { usePasswordMessage } from "@/components/auth/password-messages";
import { TextField } from "@/components/ui/field";

/**
 * A form schema that asks for the new password twice: `passwordConfirm` must equal `field`.
 * The action takes the password once, so forms drop `passwordConfirm` before calling it.
 */
export function withPasswordConfirm<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  field: keyof Shape & string,
) {
  return schema.extend({ passwordConfirm: z.string() }).refine(
    (values) => {
      const entered = values as Record<string, unknown>;
      return entered[field] === entered.passwordConfirm;
    },
    { path: ["passwordConfirm"], message: "mismatch" },
  );
}

type NewPasswordFieldsProps = {
  label: string;
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  /** The form's error keys (the schema's or the server's reasons), turned into sentences here. */
  passwordError?: string;
  confirmError?: string;
  autoFocus?: boolean;
};

// The new password and its confirmation, with the rules as a hint: the same in the first-run
// setup, the invitation or reset link, and the account page.
export function NewPasswordFields({
  label,
  password,
  confirm,
  passwordError,
  confirmError,
  autoFocus,
}: NewPasswordFieldsProps) {
  const tRules = useTranslations("passwordRules");
  const passwordMessage = usePasswordMessage();
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        hint={tRules("hint")}
        error={passwordMessage(passwordError)}
        {...password}
      />
      <TextField
        label={tRules("confirm")}
        type="password"
        autoComplete="new-password"
        error={passwordMessage(confirmError)}
        {...confirm}
      />
    </>
  );
}
