import { redirect } from "next/navigation";

import { settingsSectionsFor } from "@/components/layout/settings-sections";
import { requireUser } from "@/lib/auth/require-user";
import { can } from "@/lib/permissions";

// /admin itself: the first settings page this person may open (the candidates for everyone else).
export default async function AdminPage() {
  const user = await requireUser();
  const [first] = settingsSectionsFor((permission) => can(user, permission));
  redirect(first?.href ?? "/candidates");
}
