"use server";

import { revalidatePath } from "next/cache";

import { authorizedAction } from "@/lib/action-client";
import { db } from "@/lib/db";
import { searchPerson } from "@/lib/privacy/overview";
import { erasePerson } from "@/lib/privacy/person-erasure";
import { previewRetention } from "@/lib/privacy/retention";
import { ZRetentionRules } from "@/lib/privacy/rules";
import { ZPersonQuery, ZRetentionPreviewInput } from "@/lib/privacy/schemas";
import { saveRetentionRules } from "@/lib/privacy/settings";

// The Privacy page: retention rules, their dry run, and erasure and access requests. All of it
// is for privacy:manage (Admin by default): it shows and removes anyone's personal data.

export const saveRetentionRulesAction = authorizedAction
  .metadata({ permission: "privacy:manage" })
  .inputSchema(ZRetentionRules)
  .action(async ({ parsedInput, ctx }) => {
    const { changed } = await saveRetentionRules(db, { actorId: ctx.user.id, rules: parsedInput });
    revalidatePath("/admin/privacy");
    return { changed: changed.length };
  });

export const previewRetentionAction = authorizedAction
  .metadata({ permission: "privacy:manage" })
  .inputSchema(ZRetentionPreviewInput)
  .action(async () => {
    const preview = await previewRetention(db, new Date());
    return {
      counts: preview.counts,
      unsent: preview.unsent.map((row) => ({ ...row, at: row.at.toISOString() })),
      sent: preview.sent.map((row) => ({ ...row, at: row.at?.toISOString() ?? null })),
    };
  });

export const findPersonAction = authorizedAction
  .metadata({ permission: "privacy:manage" })
  .inputSchema(ZPersonQuery)
  .action(async ({ parsedInput }) => ({ person: await searchPerson(parsedInput) }));

export const erasePersonAction = authorizedAction
  .metadata({ permission: "privacy:manage" })
  .inputSchema(ZPersonQuery)
  .action(async ({ parsedInput, ctx }) => {
    const result = await erasePerson(db, { ...parsedInput, actorId: ctx.user.id, via: "screen" });
    revalidatePath("/admin/privacy");
    return result;
  });
